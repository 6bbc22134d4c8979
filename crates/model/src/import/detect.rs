//! Which kind of file a text is, decided from its first bytes without parsing it all.
//!
//! Rules, in order:
//! 1. Only whitespace: [`ImportError::Empty`].
//! 2. First non-whitespace `{`: JSON objects. The first object's top-level keys are scanned
//!    (values skipped, not parsed) until a telling one: `InstanceTypes` -> describe-instance-types
//!    pages (one, or several concatenated with or without whitespace between them);
//!    `InstanceType` -> one describe record; `instance_type` -> one ec2instances.info record.
//! 3. First non-whitespace `[`: an array, judged by its first element's keys the same way:
//!    `InstanceTypes` -> an array of describe pages; `InstanceType` -> a bare array of describe
//!    records; `instance_type` -> ec2instances.info `instances.json`. `[]` reads as an empty
//!    array (and so as "no instance types").
//! 4. Anything else: CSV; `table_csv` looks for a header row with an instance type column.
//!
//! JSON of another shape is [`ImportError::UnknownJson`] naming what it holds, unless the
//! JSON is broken, which is [`ImportError::MalformedJson`] with the line and column.

use serde::de::IgnoredAny;

use crate::text::Quoted;

use super::fields::clip;
use super::{json_error, Format, ImportError};

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One or more `{"InstanceTypes": [...]}` objects, one after another.
    DescribePages,
    /// `[{"InstanceTypes": [...]}, ...]`.
    DescribePageArray,
    /// `[{"InstanceType": ...}, ...]`.
    DescribeArray,
    /// `{"InstanceType": ...}`.
    DescribeRecord,
    /// `[{"instance_type": ...}, ...]`.
    Ec2InfoArray,
    /// `{"instance_type": ...}`.
    Ec2InfoRecord,
    /// Not JSON: try CSV.
    Csv,
}

/// The keys that decide a JSON object's kind.
const TELLING_KEYS: [&str; 3] = ["InstanceTypes", "InstanceType", "instance_type"];

/// Says which reader should read `text` (see the module notes).
pub(crate) fn detect(text: &str) -> Result<Shape, ImportError> {
    let bytes = text.as_bytes();
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(ImportError::Empty);
    };
    let mut scan = Scan { b: bytes, i: start };
    let (keys, first) = match bytes[start] {
        b'{' => (scan.keys(), None),
        b'[' => {
            scan.i += 1;
            scan.ws();
            match scan.b.get(scan.i) {
                Some(b'{') => (scan.keys(), Some(b'{')),
                Some(b']') | None => return Ok(Shape::DescribeArray),
                Some(&other) => (Keys::default(), Some(other)),
            }
        }
        _ => return Ok(Shape::Csv),
    };
    let shape = match (keys.telling, first.is_some()) {
        (Some("InstanceTypes"), false) => Shape::DescribePages,
        (Some("InstanceTypes"), true) => Shape::DescribePageArray,
        (Some("InstanceType"), false) => Shape::DescribeRecord,
        (Some("InstanceType"), true) => Shape::DescribeArray,
        (Some(_), false) => Shape::Ec2InfoRecord,
        (Some(_), true) => Shape::Ec2InfoArray,
        (None, _) => return Err(unknown(text, &keys, first)),
    };
    Ok(shape)
}

/// The error for JSON without a telling key: the syntax error if the JSON is broken,
/// else what it holds.
fn unknown(text: &str, keys: &Keys<'_>, first: Option<u8>) -> ImportError {
    let values = serde_json::Deserializer::from_str(text).into_iter::<IgnoredAny>();
    for value in values {
        if let Err(e) = value {
            return json_error(Format::DescribeInstanceTypes)(e);
        }
    }
    let found = match first {
        None if keys.found.is_empty() => "the top-level object is empty".to_owned(),
        None => format!("top-level keys are {}", keys.list()),
        Some(b'{') if keys.found.is_empty() => "an array whose first object is empty".to_owned(),
        Some(b'{') => format!("an array whose first object has the keys {}", keys.list()),
        Some(b'"') => "an array of strings".to_owned(),
        Some(b'[') => "an array of arrays".to_owned(),
        Some(b't' | b'f') => "an array of true/false values".to_owned(),
        Some(b'n') => "an array of nulls".to_owned(),
        Some(_) => "an array of numbers".to_owned(),
    };
    ImportError::UnknownJson { found }
}

/// The keys of one object, up to the first telling one.
#[derive(Default)]
struct Keys<'a> {
    found: Vec<&'a str>,
    telling: Option<&'static str>,
}

impl Keys<'_> {
    /// The first keys, quoted, for a message.
    fn list(&self) -> String {
        let mut shown: Vec<String> = self
            .found
            .iter()
            .take(12)
            .map(|k| Quoted(clip(k)).to_string())
            .collect();
        if self.found.len() > 12 {
            shown.push(format!("and {} more", self.found.len() - 12));
        }
        shown.join(", ")
    }
}

/// A cursor over JSON bytes that skips values without building them.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    /// Skips whitespace.
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    /// Reads the string starting at the cursor's `"` (escapes left as written).
    fn string(&mut self) -> Option<&'a str> {
        let start = self.i + 1;
        let mut j = start;
        while let Some(&c) = self.b.get(j) {
            match c {
                b'\\' => j += 2,
                b'"' => {
                    self.i = j + 1;
                    return std::str::from_utf8(&self.b[start..j]).ok();
                }
                _ => j += 1,
            }
        }
        None
    }

    /// Skips one value of any depth, iteratively (no recursion on deep nesting).
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match *self.b.get(self.i)? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                    continue;
                }
                b'}' | b']' if depth == 0 => return None,
                b'}' | b']' => {
                    depth -= 1;
                    self.i += 1;
                }
                b',' | b':' if depth == 0 => return None,
                b',' | b':' => {
                    self.i += 1;
                    continue;
                }
                _ => {
                    let stop = |c: &u8| b",:{}[]\"".contains(c) || c.is_ascii_whitespace();
                    let len = self.b[self.i..].iter().position(stop);
                    self.i += len.unwrap_or(self.b.len() - self.i).max(1);
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    /// Reads the keys of the object at the cursor's `{` until a telling one, the end of
    /// the object, or something that is not JSON.
    fn keys(&mut self) -> Keys<'a> {
        let mut keys = Keys::default();
        self.i += 1;
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return keys;
            }
            let Some(key) = self.string() else {
                return keys;
            };
            keys.found.push(key);
            if let Some(telling) = TELLING_KEYS.iter().find(|t| **t == key) {
                keys.telling = Some(telling);
                return keys;
            }
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return keys;
            }
            self.i += 1;
            if self.skip_value().is_none() {
                return keys;
            }
            self.ws();
            if self.b.get(self.i) != Some(&b',') {
                return keys;
            }
            self.i += 1;
        }
    }
}
