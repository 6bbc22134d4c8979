//! What a person types into the Table's filter boxes: numeric column filters (`>=8`,
//! `16..64`) and the name search (`m5`, `/^c7[gi]n?\./`).
//!
//! Both parsers take any string without panicking and answer `Ok(None)` for an empty box.
//! A [`QueryError`] says where (a character offset, not a byte offset) and what is wrong.
//!
//! Number syntax: an optional operator (`>=`, `>`, `<=`, `<`, `=`, `==`, `!=`, and the
//! typographic `≥`, `≤`, `≠`) then a plain decimal number (`8`, `0.5`, `.5`); or an
//! inclusive range `16..64`. A bare number means equals. Spaces may go anywhere between
//! the parts. Signs, exponents, `NaN` and `inf` are refused: every column is a finite
//! number of zero or more.

use regex_lite::{Regex, RegexBuilder};
use thiserror::Error;

/// Filter text longer than this (in characters) is refused: no real filter comes close.
pub const MAX_QUERY_CHARS: usize = 200;

/// The largest compiled size of a search regex, in bytes; hostile patterns like
/// `/(a{1000}){1000}/` are refused instead of eating memory. (regex-lite matches in time
/// linear in the name's length, so a compiled pattern cannot hang the page.)
const REGEX_SIZE_LIMIT: usize = 64 * 1024;

/// Why a filter or search could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{reason} (at character {})", .position + 1)]
pub struct QueryError {
    /// Where the problem is: a 0-based offset in characters into the text as typed.
    pub position: usize,
    /// What is wrong, in words a person can act on.
    pub reason: String,
}

impl QueryError {
    fn new(position: usize, reason: impl Into<String>) -> QueryError {
        let reason = reason.into();
        QueryError { position, reason }
    }
}

/// A condition on one numeric column, such as `>=8` or `16..64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberQuery {
    /// `=4`, `==4` or `4`.
    Equal(f64),
    /// `!=0`.
    NotEqual(f64),
    /// `<2`.
    Less(f64),
    /// `<=2`.
    AtMost(f64),
    /// `>8`.
    Greater(f64),
    /// `>=8`.
    AtLeast(f64),
    /// `16..64`: both ends included; the start is never above the end.
    Between(f64, f64),
}

impl NumberQuery {
    /// Whether a value passes. `NaN` never does. Equality allows a relative error of 1e-9,
    /// so `=12.5` finds a network speed the source wrote as `12500 Megabit`.
    pub fn matches(&self, v: f64) -> bool {
        if v.is_nan() {
            return false;
        }
        match *self {
            NumberQuery::Equal(x) => close(v, x),
            NumberQuery::NotEqual(x) => !close(v, x),
            NumberQuery::Less(x) => v < x && !close(v, x),
            NumberQuery::AtMost(x) => v <= x || close(v, x),
            NumberQuery::Greater(x) => v > x && !close(v, x),
            NumberQuery::AtLeast(x) => v >= x || close(v, x),
            NumberQuery::Between(lo, hi) => (v >= lo || close(v, lo)) && (v <= hi || close(v, hi)),
        }
    }
}

/// Equal up to a relative error of 1e-9 (absolute near zero).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The comparison operators, longest spelling first within each family.
type MakeQuery = fn(f64) -> NumberQuery;

/// The comparison operators, longest spelling first within each family (see above).
const OPERATORS: [(&str, MakeQuery); 10] = [
    (">=", NumberQuery::AtLeast),
    ("≥", NumberQuery::AtLeast),
    (">", NumberQuery::Greater),
    ("<=", NumberQuery::AtMost),
    ("≤", NumberQuery::AtMost),
    ("<", NumberQuery::Less),
    ("==", NumberQuery::Equal),
    ("=", NumberQuery::Equal),
    ("!=", NumberQuery::NotEqual),
    ("≠", NumberQuery::NotEqual),
];

/// Characters that make up operators.
fn is_operator_char(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '!' | '≥' | '≤' | '≠')
}

/// A cursor over the characters of the input.
struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// Reads a plain decimal number (`8`, `0.5`, `.5`); `after` names what came before, for
    /// the message when there is none.
    fn number(&mut self, after: &str) -> Result<f64, QueryError> {
        self.skip_spaces();
        let start = self.at;
        let digits = |c: &Cursor, i: usize| c.chars.get(i).is_some_and(char::is_ascii_digit);
        while digits(self, self.at) {
            self.at += 1;
        }
        // A '.' belongs to the number only when a digit follows (`16..64` is a range).
        if self.peek() == Some('.') && digits(self, self.at + 1) {
            self.at += 1;
            while digits(self, self.at) {
                self.at += 1;
            }
        }
        if self.at == start {
            let gap = if after.is_empty() { "" } else { " " };
            let reason = match self.peek() {
                None => format!("expected a number{gap}{after}"),
                Some(c) => format!("expected a number{gap}{after}, found '{c}'"),
            };
            return Err(QueryError::new(start, reason));
        }
        let text = self.text(start, self.at);
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v <= 1e15 => Ok(v),
            _ => Err(QueryError::new(
                start,
                format!("{text} is too large (at most 1000000000000000)"),
            )),
        }
    }

    /// Fails unless only spaces remain.
    fn end(&mut self) -> Result<(), QueryError> {
        self.skip_spaces();
        match self.peek() {
            None => Ok(()),
            Some(c) => Err(QueryError::new(
                self.at,
                format!("unexpected '{c}': a filter is one condition like >=8 or 16..64"),
            )),
        }
    }
}

/// Parses a numeric column filter such as `>=8`, `< 2`, `!=0`, `4`, `0.5` or `16..64`.
///
/// Empty or whitespace-only text is `Ok(None)` (no filter).
pub fn parse_number_query(s: &str) -> Result<Option<NumberQuery>, QueryError> {
    let length = s.chars().count();
    if length > MAX_QUERY_CHARS {
        let reason = format!("the filter is {length} characters long; at most {MAX_QUERY_CHARS}");
        return Err(QueryError::new(MAX_QUERY_CHARS, reason));
    }
    let mut cursor = Cursor {
        chars: s.chars().collect(),
        at: 0,
    };
    cursor.skip_spaces();
    let Some(first) = cursor.peek() else {
        return Ok(None);
    };
    let query = if is_operator_char(first) {
        let start = cursor.at;
        while cursor.peek().is_some_and(is_operator_char) {
            cursor.at += 1;
        }
        let written = cursor.text(start, cursor.at);
        let Some((_, make)) = OPERATORS.iter().find(|(op, _)| *op == written) else {
            let reason = format!("unknown operator '{written}' (use >=, >, <=, <, =, or !=)");
            return Err(QueryError::new(start, reason));
        };
        make(cursor.number(&format!("after '{written}'"))?)
    } else if first.is_ascii_digit() || first == '.' {
        let low_start = cursor.at;
        let low = cursor.number("")?;
        cursor.skip_spaces();
        if cursor.peek() == Some('.') {
            let dots = cursor.at;
            cursor.at += 1;
            if cursor.peek() != Some('.') {
                let reason = "expected a digit after '.', or a second '.' for a range like 16..64";
                return Err(QueryError::new(dots, reason));
            }
            cursor.at += 1;
            let high = cursor.number("after '..' (a range is written like 16..64)")?;
            if low > high {
                let reason = format!("range start {low} is above end {high}");
                return Err(QueryError::new(low_start, reason));
            }
            NumberQuery::Between(low, high)
        } else {
            NumberQuery::Equal(low)
        }
    } else {
        let reason =
            format!("expected a number or an operator (>=, >, <=, <, =, !=), found '{first}'");
        return Err(QueryError::new(cursor.at, reason));
    };
    cursor.end()?;
    Ok(Some(query))
}

/// A name search: a case-insensitive substring, or a regex written between slashes.
#[derive(Debug, Clone)]
pub enum NameQuery {
    /// Text to find anywhere in the name, lower-cased (ASCII).
    Substring(String),
    /// `/.../`: a case-insensitive regular expression (regex-lite syntax).
    Regex(Regex),
}

impl NameQuery {
    /// Whether an instance type name matches. Allocates nothing.
    pub fn matches(&self, name: &str) -> bool {
        match self {
            NameQuery::Substring(needle) => contains_ignore_ascii_case(name, needle),
            NameQuery::Regex(regex) => regex.is_match(name),
        }
    }
}

/// Whether `hay` contains `needle` (already ASCII lower-case), ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || hay.windows(needle.len()).any(|w| {
            w.iter()
                .zip(needle)
                .all(|(h, n)| h.to_ascii_lowercase() == *n)
        })
}

/// Parses the name search box: `/pattern/` is a case-insensitive regex, anything else a
/// case-insensitive substring (trimmed). Empty text, or `//`, is `Ok(None)`.
///
/// A bad pattern, an unclosed `/`, or one that compiles too large is a [`QueryError`].
pub fn parse_name_query(s: &str) -> Result<Option<NameQuery>, QueryError> {
    let length = s.chars().count();
    if length > MAX_QUERY_CHARS {
        let reason = format!("the search is {length} characters long; at most {MAX_QUERY_CHARS}");
        return Err(QueryError::new(MAX_QUERY_CHARS, reason));
    }
    let leading = s.chars().take_while(|c| c.is_whitespace()).count();
    let text = s.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let Some(body) = text.strip_prefix('/') else {
        return Ok(Some(NameQuery::Substring(text.to_ascii_lowercase())));
    };
    let Some(pattern) = body.strip_suffix('/') else {
        let end = leading + text.chars().count();
        let reason = "a regex search needs a closing '/', like /^m[5-7]a?\\./";
        return Err(QueryError::new(end, reason));
    };
    if pattern.is_empty() {
        return Ok(None);
    }
    let regex = RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(50)
        .build()
        .map_err(|e| {
            let message = e.to_string();
            let message = message.lines().last().unwrap_or_default().trim();
            let reason = if message.contains("size limit") {
                "the regex is too large once compiled; use a simpler pattern".to_owned()
            } else {
                format!("not a valid regex: {message}")
            };
            QueryError::new(leading + 1, reason)
        })?;
    Ok(Some(NameQuery::Regex(regex)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_allows_float_rounding_but_not_nan() {
        assert!(NumberQuery::Equal(12.5).matches(12500.0 * 0.001));
        assert!(NumberQuery::AtMost(0.3).matches(0.1 + 0.2));
        assert!(!NumberQuery::Less(0.3).matches(0.1 + 0.2));
        assert!(!NumberQuery::NotEqual(1.0).matches(f64::NAN));
        assert!(NumberQuery::Between(16.0, 64.0).matches(16.0));
        assert!(!NumberQuery::Between(16.0, 64.0).matches(64.5));
    }

    #[test]
    fn substring_search_ignores_case_and_allocates_nothing() {
        assert!(contains_ignore_ascii_case("C7GN.16xlarge", "c7gn."));
        assert!(!contains_ignore_ascii_case("m5", "m5a"));
        assert!(contains_ignore_ascii_case("anything", ""));
    }
}
