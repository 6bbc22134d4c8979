//! The compact text a whole catalogue travels in: the importer worker's answer (an
//! [`Imported`] catalogue) and the built-in catalogue, which the build writes from
//! `assets/data/instance-types.csv` (`build.rs`). The page reads either with a few string
//! splits, so its WebAssembly links no CSV or JSON parser for them.
//!
//! The text is tokens in columns (`tokens`): the head column holds [`MAGIC`] (the layout's
//! version), the kind (`catalog` or `import`), for an import the report's fields, the
//! rejected rows, the number of types and an end mark; every instance type (`record`) puts
//! each of its fields in the field's column (an import adds each type's gaps to a column of
//! their own). A cut-off text is an error rather than a shorter catalogue: it lacks columns.

mod built_in;
mod record;
mod tokens;

pub use built_in::{encode_dataset, DatasetError};

use thiserror::Error;

use crate::catalog::{Catalog, RejectedRow};
use crate::import::{Format, Gaps, Imported};
use crate::text::Quoted;

use tokens::{Column, Reader, Writer, COLUMN_END, SEPARATOR};

/// The first token: what this text is, and the version of its layout.
pub const MAGIC: &str = "atlas-wire-3";
/// The second token of a plain catalogue.
const CATALOG: &str = "catalog";
/// The second token of an import answer.
const IMPORT: &str = "import";
/// The last token.
const END: &str = "end";

/// Why a catalogue's text could not be read: the page and the worker, or the page and its
/// built-in data, come from different builds.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WireError {
    /// The importer worker's answer.
    #[error(
        "the importer's answer could not be read ({reason}); reload the page and load the file again"
    )]
    Answer {
        /// What was wrong, for a bug report.
        reason: String,
    },
    /// The built-in catalogue.
    #[error(
        "the built-in catalogue could not be read ({reason}); the page and its data come from \
         different builds: reload the page, and if this stays, rebuild the site (make dist)"
    )]
    BuiltIn {
        /// What was wrong, for a bug report.
        reason: String,
    },
}

/// Writes an imported catalogue as the worker's answer.
pub fn encode(imported: &Imported) -> String {
    let mut w = writer(IMPORT);
    let head = w.at(Column::Head);
    head.number(
        FORMATS
            .iter()
            .position(|f| *f == imported.format)
            .unwrap_or(0),
    );
    head.number(imported.unlisted);
    head.number(imported.blank_rows);
    head.list(&imported.missing_fields);
    head.list(&imported.duplicates);
    write_catalog(&mut w, &imported.catalog, Some(&imported.gaps));
    w.finish()
}

/// Reads the worker's answer back into an imported catalogue.
pub fn decode(text: &str) -> Result<Imported, WireError> {
    read_import(text).map_err(|reason| WireError::Answer { reason })
}

/// Writes a catalogue (the built-in one, at build time).
pub fn encode_catalog(catalog: &Catalog) -> String {
    let mut w = writer(CATALOG);
    write_catalog(&mut w, catalog, None);
    w.finish()
}

/// Reads a catalogue [`encode_catalog`] wrote: the very same records.
pub fn decode_catalog(text: &str) -> Result<Catalog, WireError> {
    let read = |text| {
        let mut r = header(text, CATALOG)?;
        let (catalog, _) = read_catalog(&mut r, false)?;
        Ok(catalog)
    };
    read(text).map_err(|reason| WireError::BuiltIn { reason })
}

const FORMATS: [Format; 3] = [
    Format::DescribeInstanceTypes,
    Format::Ec2InstancesInfo,
    Format::Csv,
];

/// A writer that has written the magic and `kind`.
fn writer(kind: &str) -> Writer {
    let mut w = Writer::new();
    w.at(Column::Head).text(MAGIC);
    w.at(Column::Head).text(kind);
    w
}

/// A reader past the magic and `kind`, or why the text is something else.
fn header<'a>(text: &'a str, kind: &str) -> Result<Reader<'a>, String> {
    if text.split([SEPARATOR, COLUMN_END]).next() != Some(MAGIC) {
        return Err(format!("it does not start with {MAGIC}"));
    }
    let mut r = Reader::new(text)?;
    let head = r.at(Column::Head);
    head.raw()?;
    let found = head.raw()?;
    if found != kind {
        return Err(format!(
            "it holds a {}, not a {}",
            Quoted(found),
            Quoted(kind)
        ));
    }
    Ok(r)
}

/// The rejected rows, the types (and, for an import, each type's gaps) and the end mark.
fn write_catalog(w: &mut Writer, catalog: &Catalog, gaps: Option<&[Gaps]>) {
    let head = w.at(Column::Head);
    head.number(catalog.rejected.len());
    for row in &catalog.rejected {
        head.number(row.line);
        head.text(&row.name);
        head.text(&row.reason);
    }
    head.number(catalog.types.len());
    for (i, t) in catalog.types.iter().enumerate() {
        record::write(w, t);
        if let Some(gaps) = gaps {
            let of_type = gaps.get(i).copied().unwrap_or_default();
            let bits = Gaps::FIELDS.iter().enumerate();
            w.at(Column::Gaps)
                .number(bits.fold(0u32, |acc, (i, (f, _, _))| {
                    acc | (u32::from(of_type.contains(*f)) << i)
                }));
        }
    }
    w.at(Column::Head).text(END);
}

/// Reads what [`write_catalog`] wrote; the gaps are empty unless `with_gaps`.
fn read_catalog(r: &mut Reader, with_gaps: bool) -> Result<(Catalog, Vec<Gaps>), String> {
    let mut catalog = Catalog::default();
    let head = r.at(Column::Head);
    for _ in 0..head.count()? {
        let line = head.number()?;
        let (name, reason) = (head.text()?, head.text()?);
        catalog.rejected.push(RejectedRow { line, name, reason });
    }
    let count = head.count()?;
    // A cut-off count cannot reserve more than the text could hold.
    catalog.types.reserve(count.min(1 << 16));
    let mut gaps = Vec::new();
    for _ in 0..count {
        catalog.types.push(record::read(r)?);
        if with_gaps {
            let bits: u32 = r.at(Column::Gaps).number()?;
            let mut g = Gaps::default();
            for (i, (flag, _, _)) in Gaps::FIELDS.iter().enumerate() {
                if bits & (1 << i) != 0 {
                    g.insert(*flag);
                }
            }
            gaps.push(g);
        }
    }
    if r.at(Column::Head).raw()? != END || !r.at_end() {
        return Err("no end mark after the last instance type".to_owned());
    }
    Ok((catalog, gaps))
}

/// [`decode`] with the reason as words.
fn read_import(text: &str) -> Result<Imported, String> {
    let mut r = header(text, IMPORT)?;
    let head = r.at(Column::Head);
    let format = *FORMATS
        .get(head.count()?)
        .ok_or_else(|| "unknown format".to_owned())?;
    let unlisted = head.count()?;
    let blank_rows = head.count()?;
    let missing_fields = head
        .list()?
        .iter()
        .filter_map(|name| Gaps::FIELDS.iter().find(|(_, n, _)| n == name).map(|f| f.1))
        .collect();
    let duplicates = head.list()?;
    let (catalog, gaps) = read_catalog(&mut r, true)?;
    Ok(Imported {
        catalog,
        format,
        gaps,
        missing_fields,
        duplicates,
        unlisted,
        blank_rows,
    })
}
