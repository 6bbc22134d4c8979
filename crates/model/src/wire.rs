//! The compact text the importer worker sends back: an [`Imported`] catalogue, field by
//! field, in a flat list of tokens. The page decodes it with a few string splits, so the
//! page's WebAssembly links no JSON or CSV importer (they live in the worker).
//!
//! Tokens are separated by U+001F (unit separator); inside a token `\` and U+001F are
//! escaped as `\\` and `\u`. Numbers are written with Rust's shortest round-trip form, so
//! decoding gives the very same values.

use thiserror::Error;

use crate::catalog::{Catalog, RejectedRow};
use crate::import::{Format, Gaps, Imported};
use crate::instance::{Architecture, Category, Details, InstanceType, Vendor};
use crate::quantity::{Clock, EbsThroughput, LocalStorage, Network, StorageKind};

/// The first token: what this text is, and the version of its layout.
const MAGIC: &str = "atlas-import-1";
/// The last token: a cut-off answer is an error, not a shorter catalogue.
const END: &str = "end";
const SEPARATOR: char = '\u{1f}';

/// Why the importer's answer could not be read (a page and a worker from different builds).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "the importer's answer could not be read ({reason}); reload the page and load the file again"
)]
pub struct WireError {
    /// What was wrong, for a bug report.
    pub reason: String,
}

fn wrong(reason: impl Into<String>) -> WireError {
    WireError {
        reason: reason.into(),
    }
}

/// Writes an imported catalogue as the worker's answer.
pub fn encode(imported: &Imported) -> String {
    let mut w = Writer(String::with_capacity(imported.catalog.types.len() * 160));
    w.text(MAGIC);
    w.number(
        FORMATS
            .iter()
            .position(|f| *f == imported.format)
            .unwrap_or(0),
    );
    w.number(imported.unlisted);
    w.number(imported.blank_rows);
    w.list(&imported.missing_fields);
    w.list(&imported.duplicates);
    w.number(imported.catalog.rejected.len());
    for row in &imported.catalog.rejected {
        w.number(row.line);
        w.text(&row.name);
        w.text(&row.reason);
    }
    w.number(imported.catalog.types.len());
    for (t, gaps) in imported.catalog.types.iter().zip(&imported.gaps) {
        instance(&mut w, t);
        let bits = Gaps::FIELDS.iter().enumerate();
        w.number(bits.fold(0u32, |acc, (i, (f, _, _))| {
            acc | (u32::from(gaps.contains(*f)) << i)
        }));
    }
    w.text(END);
    w.0
}

/// Reads the worker's answer back into an imported catalogue.
pub fn decode(text: &str) -> Result<Imported, WireError> {
    let mut r = Reader(text.split(SEPARATOR));
    if r.text()? != MAGIC {
        return Err(wrong("not an import answer of this version"));
    }
    let format = *FORMATS
        .get(r.count()?)
        .ok_or_else(|| wrong("unknown format"))?;
    let unlisted = r.count()?;
    let blank_rows = r.count()?;
    let missing_fields = r
        .list()?
        .iter()
        .filter_map(|name| Gaps::FIELDS.iter().find(|(_, n, _)| n == name).map(|f| f.1))
        .collect();
    let duplicates = r.list()?;
    let mut catalog = Catalog::default();
    for _ in 0..r.count()? {
        let line = r.number()?;
        let (name, reason) = (r.text()?, r.text()?);
        catalog.rejected.push(RejectedRow { line, name, reason });
    }
    let mut gaps = Vec::new();
    for _ in 0..r.count()? {
        catalog.types.push(read_instance(&mut r)?);
        let bits: u32 = r.number()?;
        let mut g = Gaps::default();
        for (i, (flag, _, _)) in Gaps::FIELDS.iter().enumerate() {
            if bits & (1 << i) != 0 {
                g.insert(*flag);
            }
        }
        gaps.push(g);
    }
    if r.text()? != END || r.0.next().is_some() {
        return Err(wrong("no end mark after the last instance type"));
    }
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

const FORMATS: [Format; 3] = [
    Format::DescribeInstanceTypes,
    Format::Ec2InstancesInfo,
    Format::Csv,
];
const VENDORS: [Vendor; 4] = [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other];
const ARCHITECTURES: [Architecture; 2] = [Architecture::X86_64, Architecture::Arm64];
const STORAGE_KINDS: [StorageKind; 3] = [StorageKind::Nvme, StorageKind::Ssd, StorageKind::Hdd];

fn index_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

fn instance(w: &mut Writer, t: &InstanceType) {
    w.text(&t.name);
    w.text(&t.family);
    w.text(&t.size);
    w.number(index_of(&Category::ALL, &t.category));
    w.number(t.vcpu);
    w.number(t.memory_gib);
    w.text(&t.memory_label);
    w.flag(t.clock.is_some());
    if let Some(c) = &t.clock {
        w.number(c.ghz);
        w.flag(c.up_to);
        w.text(&c.label);
    }
    w.text(&t.processor);
    w.number(index_of(&VENDORS, &t.vendor));
    w.number(index_of(&ARCHITECTURES, &t.architecture));
    w.maybe(t.network.gbps);
    w.flag(t.network.up_to);
    w.text(&t.network.label);
    w.flag(t.storage.is_some());
    if let Some(s) = &t.storage {
        w.number(s.disks);
        w.number(s.disk_gb);
        w.number(index_of(&STORAGE_KINDS, &s.kind));
        w.text(&s.label);
    }
    w.number(t.gpus);
    w.maybe(t.gpu_memory_gib);
    w.flag(t.ebs.is_some());
    if let Some(e) = &t.ebs {
        w.number(e.mbps);
        w.flag(e.up_to);
        w.text(&e.label);
    }
    w.flag(t.current_generation);
    let d = &t.details;
    w.flag(d.gpu_model.is_some());
    w.text(d.gpu_model.as_deref().unwrap_or(""));
    w.maybe(d.gpu_fraction);
    w.list(&d.accelerators);
    w.maybe(d.ebs_baseline_mbps);
    for flag in [d.bare_metal, d.burstable, d.efa, d.retired] {
        w.flag(flag);
    }
    w.maybe(d.offered);
}

fn read_instance(r: &mut Reader) -> Result<InstanceType, WireError> {
    let (name, family, size) = (r.text()?, r.text()?, r.text()?);
    let category = *Category::ALL
        .get(r.count()?)
        .ok_or_else(|| wrong("unknown category"))?;
    let (vcpu, memory_gib, memory_label) = (r.number()?, r.number()?, r.text()?);
    let clock = match r.flag()? {
        true => Some(Clock {
            ghz: r.number()?,
            up_to: r.flag()?,
            label: r.text()?,
        }),
        false => None,
    };
    let processor = r.text()?;
    let vendor = *VENDORS
        .get(r.count()?)
        .ok_or_else(|| wrong("unknown vendor"))?;
    let architecture = *ARCHITECTURES
        .get(r.count()?)
        .ok_or_else(|| wrong("unknown architecture"))?;
    let network = Network {
        gbps: r.maybe()?,
        up_to: r.flag()?,
        label: r.text()?,
    };
    let storage = match r.flag()? {
        true => Some(LocalStorage {
            disks: r.number()?,
            disk_gb: r.number()?,
            kind: *STORAGE_KINDS
                .get(r.count()?)
                .ok_or_else(|| wrong("unknown storage kind"))?,
            label: r.text()?,
        }),
        false => None,
    };
    let (gpus, gpu_memory_gib) = (r.number()?, r.maybe()?);
    let ebs = match r.flag()? {
        true => Some(EbsThroughput {
            mbps: r.number()?,
            up_to: r.flag()?,
            label: r.text()?,
        }),
        false => None,
    };
    let current_generation = r.flag()?;
    let has_gpu_model = r.flag()?;
    let gpu_model = Some(r.text()?).filter(|_| has_gpu_model);
    let details = Details {
        gpu_model,
        gpu_fraction: r.maybe()?,
        accelerators: r.list()?,
        ebs_baseline_mbps: r.maybe()?,
        bare_metal: r.flag()?,
        burstable: r.flag()?,
        efa: r.flag()?,
        retired: r.flag()?,
        offered: r.maybe()?,
    };
    Ok(InstanceType {
        name,
        family,
        size,
        category,
        vcpu,
        memory_gib,
        memory_label,
        clock,
        processor,
        vendor,
        architecture,
        network,
        storage,
        gpus,
        gpu_memory_gib,
        ebs,
        current_generation,
        details,
    })
}

/// Appends tokens.
struct Writer(String);

impl Writer {
    fn token(&mut self, token: &str) {
        if !self.0.is_empty() {
            self.0.push(SEPARATOR);
        }
        self.0.push_str(token);
    }

    fn text(&mut self, text: &str) {
        if text.contains(['\\', SEPARATOR]) {
            let escaped = text.replace('\\', "\\\\").replace(SEPARATOR, "\\u");
            self.token(&escaped);
        } else {
            self.token(text);
        }
    }

    fn number(&mut self, value: impl std::fmt::Display) {
        self.token(&value.to_string());
    }

    fn maybe(&mut self, value: Option<impl std::fmt::Display>) {
        match value {
            Some(v) => self.number(v),
            None => self.token(""),
        }
    }

    fn flag(&mut self, on: bool) {
        self.token(if on { "1" } else { "0" });
    }

    fn list<S: AsRef<str>>(&mut self, items: &[S]) {
        self.number(items.len());
        for item in items {
            self.text(item.as_ref());
        }
    }
}

/// Reads tokens in the order [`Writer`] wrote them.
struct Reader<'a>(std::str::Split<'a, char>);

impl Reader<'_> {
    fn raw(&mut self) -> Result<&str, WireError> {
        self.0
            .next()
            .ok_or_else(|| wrong("the answer ends too early"))
    }

    fn text(&mut self) -> Result<String, WireError> {
        let raw = self.raw()?;
        if !raw.contains('\\') {
            return Ok(raw.to_owned());
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, false) => out.push(c),
                (_, true) => match chars.next() {
                    Some('u') => out.push(SEPARATOR),
                    Some(other) => out.push(other),
                    None => return Err(wrong("a text ends in an escape")),
                },
            }
        }
        Ok(out)
    }

    fn number<T: std::str::FromStr>(&mut self) -> Result<T, WireError> {
        let raw = self.raw()?;
        raw.parse()
            .map_err(|_| wrong(format!("{raw:?} is not a number")))
    }

    fn count(&mut self) -> Result<usize, WireError> {
        self.number()
    }

    fn maybe<T: std::str::FromStr>(&mut self) -> Result<Option<T>, WireError> {
        match self.raw()? {
            "" => Ok(None),
            raw => raw
                .parse()
                .map(Some)
                .map_err(|_| wrong(format!("{raw:?} is not a number"))),
        }
    }

    fn flag(&mut self) -> Result<bool, WireError> {
        match self.raw()? {
            "1" => Ok(true),
            "0" => Ok(false),
            raw => Err(wrong(format!("{raw:?} is not a flag"))),
        }
    }

    fn list(&mut self) -> Result<Vec<String>, WireError> {
        (0..self.count()?).map(|_| self.text()).collect()
    }
}
