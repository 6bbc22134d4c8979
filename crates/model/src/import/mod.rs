//! "Bring your own data": a catalogue file a person loads, read into a [`Catalog`] and a report.
//!
//! [`load`] takes the text of `aws ec2 describe-instance-types` output (one page, pages
//! concatenated or in an array, or a bare array of records), an ec2instances.info
//! `instances.json` (an array of records, or one record), or a CSV with a header row (the
//! atlas's own columns or AWS Price List ones, after any preamble); `detect.rs` says how
//! the format is recognised. Every record passes the same checks (a real instance type name,
//! 1..=[`MAX_VCPU`] vCPUs, memory in (0, [`MAX_MEMORY_GIB`]] GiB and between
//! [`MIN_GIB_PER_VCPU`] and [`MAX_GIB_PER_VCPU`] GiB per vCPU, every other number in a
//! plausible range, text without control or bidi characters): a record that fails is
//! skipped with its reason, the others still load; so does a record with a number beyond
//! a float (`1e400`) or a lone surrogate (`json_text.rs`). A file over the budgets
//! (`budget.rs`: [`MAX_INSTANCE_TYPES`] records, ...) is refused as a whole. Records are read
//! one at a time (`stream.rs`). Only a file that cannot be read at all,
//! or that yields no instance type, is an [`ImportError`]. Nothing here panics on any input.

mod budget;
mod clean;
mod describe;
mod describe_schema;
mod detect;
mod ec2info;
pub(crate) mod fields;
mod json_text;
mod lenient;
mod record;
mod report;
mod shapes;
mod stream;
mod table_csv;

use thiserror::Error;

use crate::catalog::{Catalog, RejectedRow};

pub use budget::{Count, MAX_FAMILIES, MAX_INSTANCE_TYPES, MAX_SIZE_CELLS, MAX_TEXT_CHARS};
pub use record::{
    category_from_name, MAX_GIB_PER_VCPU, MAX_MEMORY_GIB, MAX_VCPU, MIN_GIB_PER_VCPU,
};
pub use report::{fill_from, FillReport, Gaps, MAX_LISTED};

/// The largest file [`load`] reads: 64 MiB.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The kinds of file [`load`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The JSON that `aws ec2 describe-instance-types` prints.
    DescribeInstanceTypes,
    /// The ec2instances.info `instances.json`.
    Ec2InstancesInfo,
    /// A CSV with a header row.
    Csv,
}

impl Format {
    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Format::DescribeInstanceTypes => "aws ec2 describe-instance-types JSON",
            Format::Ec2InstancesInfo => "ec2instances.info JSON",
            Format::Csv => "CSV",
        }
    }
}

/// A loaded file: its instance types and what the atlas had to skip, guess or leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The instance types in file order; `catalog.rejected` lists the skipped records (see
    /// [`Imported::skipped`]; JSON records have `line` 0 and their index in the reason).
    pub catalog: Catalog,
    /// The format the file was read as.
    pub format: Format,
    /// For each of `catalog.types` (same index), the fields that record lacked.
    pub gaps: Vec<Gaps>,
    /// Fields no record had, by their [`Gaps::FIELDS`] names (`"category"`, `"clock"`, ...);
    /// [`Gaps::note`] says what the atlas shows instead.
    pub missing_fields: Vec<&'static str>,
    /// Names that appeared more than once (the first record was kept), each listed once.
    pub duplicates: Vec<String>,
    /// Skipped records and duplicate names beyond the first [`MAX_LISTED`] of each.
    pub unlisted: usize,
    /// CSV rows without an instance type name (blank lines, Price List rows of other products).
    pub blank_rows: usize,
}

impl Imported {
    /// The records that were skipped, each with its place and reason.
    pub fn skipped(&self) -> &[RejectedRow] {
        &self.catalog.rejected
    }
}

/// Why a file could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error(
        "the file is {bytes} bytes; the atlas reads files up to 64 MiB ({MAX_IMPORT_BYTES} bytes)"
    )]
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Nothing but whitespace.
    #[error(
        "the file is empty: expected describe-instance-types JSON, ec2instances.info JSON or CSV"
    )]
    Empty,
    /// Not UTF-8.
    #[error("the file is not UTF-8 text: the byte at offset {offset} is not valid UTF-8; save it as UTF-8 and load it again")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// UTF-16 text (a byte order mark).
    #[error("the file is UTF-16 text; save it as UTF-8 and load it again")]
    Utf16,
    /// Binary data.
    #[error("the file looks binary, not text: a NUL byte at offset {offset}")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// Broken JSON syntax.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// Valid JSON, but a value has the wrong type for the detected format.
    #[error(
        "the JSON does not fit the {format} format at line {line}, column {column}: {message}"
    )]
    UnexpectedJson {
        /// The detected format's label.
        format: &'static str,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was found instead.
        message: String,
    },
    /// JSON of another shape.
    #[error("JSON, but neither describe-instance-types nor ec2instances.info: {found}")]
    UnknownJson {
        /// What the JSON holds instead, such as its top-level keys.
        found: String,
    },
    /// Neither JSON nor a CSV with a recognisable header.
    #[error("not JSON or CSV: {detail}")]
    NotJsonOrCsv {
        /// What the file starts with and what was expected.
        detail: String,
    },
    /// The CSV reader failed on the file as a whole.
    #[error("could not read the CSV near line {line}: {message}")]
    Csv {
        /// 1-based line.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// More records than [`MAX_INSTANCE_TYPES`] (counted to the end, none kept).
    #[error(
        "this file holds {found} instance types; the atlas shows at most {}",
        Count(MAX_INSTANCE_TYPES)
    )]
    TooManyTypes {
        /// How many records the file holds.
        found: Count,
    },
    /// The types form more than [`MAX_FAMILIES`] families.
    #[error(
        "this file's instance types form {found} families; the atlas shows at most {}",
        Count(MAX_FAMILIES)
    )]
    TooManyFamilies {
        /// How many families.
        found: Count,
    },
    /// Families times sizes make more than [`MAX_SIZE_CELLS`] cells in the Sizes table.
    #[error(
        "this file's {families} families in {sizes} different sizes make a Sizes table of more \
         than {} cells, the most the atlas draws",
        Count(MAX_SIZE_CELLS)
    )]
    TooManySizes {
        /// How many families.
        families: Count,
        /// How many different sizes on the ladder.
        sizes: Count,
    },
    /// Readable, but no instance type could be kept (loading it would empty the view).
    #[error("the file holds no instance types{detail}")]
    NoInstanceTypes {
        /// Why: empty, or every record skipped (with the first reason).
        detail: String,
    },
}

/// Reads a catalogue file's text (see the module notes); `file_name` only sharpens messages.
pub fn load(text: &str, file_name: Option<&str>) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(offset) = text.find('\0') {
        return Err(ImportError::Binary { offset });
    }
    let mut builder = report::Builder::default();
    let shape = detect::detect(text)?;
    let repaired = match shape {
        detect::Shape::Csv => std::borrow::Cow::Borrowed(text),
        _ => json_text::repair(text),
    };
    let text = repaired.as_ref();
    let format = match shape {
        detect::Shape::DescribePages => describe::read_pages(text, &mut builder)?,
        detect::Shape::DescribePageArray => describe::read_page_array(text, &mut builder)?,
        detect::Shape::DescribeArray => describe::read_array(text, &mut builder)?,
        detect::Shape::DescribeRecord => describe::read_record(text, &mut builder)?,
        detect::Shape::Ec2InfoArray => ec2info::read_array(text, &mut builder)?,
        detect::Shape::Ec2InfoRecord => ec2info::read_record(text, &mut builder)?,
        detect::Shape::Csv => table_csv::read(text, file_name, &mut builder)?,
    };
    builder.finish(format)
}

/// Like [`load`], for raw file bytes: refuses UTF-16, binary data and invalid UTF-8 (with
/// the byte offset) before reading.
pub fn load_bytes(bytes: &[u8], file_name: Option<&str>) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(head) {
        return Err(ImportError::Utf16);
    }
    if let Some(offset) = head.iter().position(|b| *b == 0) {
        return Err(ImportError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text, file_name),
        Err(e) => Err(ImportError::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

/// UTF-16 without a byte order mark: ASCII text with a NUL in every other byte.
fn looks_utf16(head: &[u8]) -> bool {
    let pairs = head.chunks_exact(2).take(32);
    let count = pairs.len();
    let (mut even, mut odd) = (0, 0);
    for pair in pairs {
        even += usize::from(pair[0] == 0 && pair[1].is_ascii() && pair[1] != 0);
        odd += usize::from(pair[1] == 0 && pair[0].is_ascii() && pair[0] != 0);
    }
    count >= 4 && (even == count || odd == count)
}

/// Turns a JSON reader error into an [`ImportError`] with its line and column.
pub(crate) fn json_error(format: Format) -> impl Fn(serde_json::Error) -> ImportError {
    move |e| {
        let (line, column) = (e.line(), e.column());
        let full = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full);
        let message = fields::clip_long(message);
        match e.classify() {
            serde_json::error::Category::Data => ImportError::UnexpectedJson {
                format: format.label(),
                line,
                column,
                message,
            },
            serde_json::error::Category::Eof => ImportError::MalformedJson {
                line,
                column,
                message: format!("the file ends in the middle of the JSON ({message})"),
            },
            _ => ImportError::MalformedJson {
                line,
                column,
                message,
            },
        }
    }
}
