//! What a person types into the Table's filter boxes: numeric column filters (`>=8`,
//! `16..64`, `>=1TiB`, `8|16`, `>=8 <=64`) and text searches (`m5`, `/^c7[gi]n?\./`, `!m5a`).
//!
//! Every parser takes any string without panicking and answers `Ok(None)` for an empty box.
//! A [`QueryError`] says where (a character offset, not a byte offset) and what is wrong.
//!
//! Number syntax, per condition: an optional operator (`>=`, `>`, `<=`, `<`, `=`, `==`, `!=`,
//! and the typographic `≥`, `≤`, `≠`) then a plain decimal number (`8`, `0.5`, `.5`) with an
//! optional unit (`1TiB`, `512 MiB`, `25Gbps`, `3.5GHz`, `$0.10`; a bare number is in the
//! column's own unit); or an inclusive range `16..64` (`1..2TiB`). A bare number means
//! equals. `8|16` is either; a leading `!` negates a condition (`!8|16`, `!16..64`);
//! conditions separated by spaces must all hold (`>=8 <=64`). Signs, exponents, `NaN` and
//! `inf` are refused: every column is a finite number of zero or more.
//!
//! Text syntax: words separated by spaces must all match; a word is a case-insensitive
//! substring or a `/regex/`, `a|b` is either, and a leading `!` excludes (`!m5a`, `!/metal/`).

use thiserror::Error;

mod number;
pub mod pattern;
mod text;
mod unit;

pub use number::{parse_column_query, parse_number_query, ColumnQuery, Condition};
pub use text::{parse_name_query, parse_text_query, NameQuery, TextCondition, TextQuery};
pub use unit::ColumnUnit;

/// Filter text longer than this (in characters) is refused: no real filter comes close.
pub const MAX_QUERY_CHARS: usize = 200;

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
    pub(crate) fn new(position: usize, reason: impl Into<String>) -> QueryError {
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
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Builds a condition from its number.
type MakeQuery = fn(f64) -> NumberQuery;

/// The comparison operators, longest spelling first within each family (see above).
pub(crate) const OPERATORS: [(&str, MakeQuery); 10] = [
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
pub(crate) fn is_operator_char(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '!' | '≥' | '≤' | '≠')
}

/// A cursor over the characters of the input.
pub(crate) struct Cursor {
    pub(crate) chars: Vec<char>,
    pub(crate) at: usize,
}

impl Cursor {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &str) -> Cursor {
        Cursor {
            chars: text.chars().collect(),
            at: 0,
        }
    }

    /// The character `ahead` places after the cursor.
    pub(crate) fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    pub(crate) fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    pub(crate) fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// Reads a plain decimal number (`8`, `0.5`, `.5`); `after` names what came before, for
    /// the message when there is none.
    pub(crate) fn number(&mut self, after: &str) -> Result<f64, QueryError> {
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
        match crate::decimal::read(&text) {
            Ok(v) if v.is_finite() && v <= 1e15 => Ok(v),
            _ => Err(QueryError::new(
                start,
                format!("{text} is too large (at most 1000000000000000)"),
            )),
        }
    }
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
}
