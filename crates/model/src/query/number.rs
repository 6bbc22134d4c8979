//! Numeric column filters: conditions with units, alternatives, negation and ranges, all
//! of them ANDed (`>=8 <=64`, `8|16`, `!=4`, `>=1TiB`, `1..2TiB`).

use crate::decimal::Shortest;

use super::{
    close, is_operator_char, ColumnUnit, Cursor, NumberQuery, QueryError, MAX_QUERY_CHARS,
    OPERATORS,
};

/// One condition: any of its alternatives holds (`8|16`), or, negated, none does (`!8|16`).
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// `!` in front: the condition holds when no alternative does.
    pub negated: bool,
    /// The alternatives, in column units; never empty.
    pub any_of: Vec<NumberQuery>,
}

impl Condition {
    /// Whether a value passes. `NaN` (no value) never does, negated or not.
    pub fn matches(&self, v: f64) -> bool {
        !v.is_nan() && self.negated != self.any_of.iter().any(|q| q.matches(v))
    }
}

/// A numeric column's filter: every condition must hold. Allocates nothing to match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ColumnQuery {
    /// The conditions, as typed from left to right.
    pub conditions: Vec<Condition>,
}

impl ColumnQuery {
    /// A filter of one plain condition.
    pub fn single(query: NumberQuery) -> ColumnQuery {
        ColumnQuery {
            conditions: vec![Condition {
                negated: false,
                any_of: vec![query],
            }],
        }
    }

    /// Whether a value passes every condition. `NaN` never does.
    pub fn matches(&self, v: f64) -> bool {
        self.conditions.iter().all(|c| c.matches(v))
    }
}

/// Parses a filter for a column of plain numbers (no unit may be typed).
///
/// Empty or whitespace-only text is `Ok(None)` (no filter).
pub fn parse_number_query(s: &str) -> Result<Option<ColumnQuery>, QueryError> {
    parse_column_query(s, ColumnUnit::Count, "this column")
}

/// Parses a numeric column filter such as `>=8`, `< 2`, `!=0`, `16..64`, `8|16`,
/// `>=8 <=64`, `>=1TiB` or `!16..64`; `unit` is the column's (a bare number is in it) and
/// `column` names the column in messages (`memory`).
///
/// Empty or whitespace-only text is `Ok(None)` (no filter).
pub fn parse_column_query(
    s: &str,
    unit: ColumnUnit,
    column: &str,
) -> Result<Option<ColumnQuery>, QueryError> {
    let length = s.chars().count();
    if length > MAX_QUERY_CHARS {
        let reason = format!("the filter is {length} characters long; at most {MAX_QUERY_CHARS}");
        return Err(QueryError::new(MAX_QUERY_CHARS, reason));
    }
    let mut parser = Parser {
        cursor: Cursor::new(s),
        unit,
        column,
    };
    let mut conditions = Vec::new();
    let mut equal_to: Option<(f64, String)> = None;
    loop {
        parser.cursor.skip_spaces();
        let Some(c) = parser.cursor.peek() else {
            break;
        };
        let start = parser.cursor.at;
        if !conditions.is_empty() && !starts_condition(c) {
            let reason = format!(
                "unexpected '{c}': conditions look like >=8, 16..64 or 8|16, separated by spaces"
            );
            return Err(QueryError::new(start, reason));
        }
        let condition = parser.condition()?;
        // Two different exact values can never both hold: the person meant either.
        if let (false, [NumberQuery::Equal(v)]) = (condition.negated, condition.any_of.as_slice()) {
            let typed = parser
                .cursor
                .text(start, parser.cursor.at)
                .trim()
                .to_owned();
            match &equal_to {
                Some((first, was)) if !close(*first, *v) => {
                    let reason = format!(
                        "{was} and {typed} cannot both hold: for either, write {was}|{typed}"
                    );
                    return Err(QueryError::new(start, reason));
                }
                _ => equal_to = Some((*v, typed)),
            }
        }
        conditions.push(condition);
    }
    Ok((!conditions.is_empty()).then_some(ColumnQuery { conditions }))
}

/// Whether a condition can start with `c`.
fn starts_condition(c: char) -> bool {
    is_operator_char(c) || c.is_ascii_digit() || c == '.' || c == '$'
}

/// A number as typed, with the unit factor when a unit was written.
struct Amount {
    value: f64,
    factor: Option<f64>,
    start: usize,
}

struct Parser<'a> {
    cursor: Cursor,
    unit: ColumnUnit,
    column: &'a str,
}

impl Parser<'_> {
    /// `!`? alternative (`|` alternative)*.
    fn condition(&mut self) -> Result<Condition, QueryError> {
        let negated = self.cursor.peek() == Some('!') && self.cursor.peek_at(1) != Some('=');
        if negated {
            self.cursor.at += 1;
            self.cursor.skip_spaces();
            if self.cursor.peek().is_none() {
                let reason = "expected a condition after '!', like !=4, !8|16 or !16..64";
                return Err(QueryError::new(self.cursor.at, reason));
            }
        }
        let mut any_of = vec![self.alternative()?];
        loop {
            let save = self.cursor.at;
            self.cursor.skip_spaces();
            if self.cursor.peek() != Some('|') {
                self.cursor.at = save;
                break;
            }
            self.cursor.at += 1;
            self.cursor.skip_spaces();
            any_of.push(self.alternative()?);
        }
        Ok(Condition { negated, any_of })
    }

    /// An operator and an amount, or an amount (a range when `..` follows).
    fn alternative(&mut self) -> Result<NumberQuery, QueryError> {
        let cursor = &mut self.cursor;
        let Some(first) = cursor.peek() else {
            let reason = "expected a number after '|'";
            return Err(QueryError::new(cursor.at, reason));
        };
        if is_operator_char(first) {
            let start = cursor.at;
            while cursor.peek().is_some_and(is_operator_char) {
                cursor.at += 1;
            }
            let written = cursor.text(start, cursor.at);
            let Some((_, make)) = OPERATORS.iter().find(|(op, _)| *op == written) else {
                let reason = format!("unknown operator '{written}' (use >=, >, <=, <, =, or !=)");
                return Err(QueryError::new(start, reason));
            };
            let amount = self.amount(&format!("after '{written}'"))?;
            return Ok(make(amount.value * amount.factor.unwrap_or(1.0)));
        }
        if !(first.is_ascii_digit() || first == '.' || first == '$') {
            let reason =
                format!("expected a number or an operator (>=, >, <=, <, =, !=), found '{first}'");
            return Err(QueryError::new(cursor.at, reason));
        }
        let low = self.amount("")?;
        let save = self.cursor.at;
        self.cursor.skip_spaces();
        if self.cursor.peek() != Some('.') {
            self.cursor.at = save;
            return Ok(NumberQuery::Equal(low.value * low.factor.unwrap_or(1.0)));
        }
        let dots = self.cursor.at;
        self.cursor.at += 1;
        if self.cursor.peek() != Some('.') {
            let reason = "expected a digit after '.', or a second '.' for a range like 16..64";
            return Err(QueryError::new(dots, reason));
        }
        self.cursor.at += 1;
        let high = self.amount("after '..' (a range is written like 16..64)")?;
        // `1..2TiB`: an end without a unit takes the other end's.
        let shared = high.factor.or(low.factor).unwrap_or(1.0);
        let (lo, hi) = (
            low.value * low.factor.unwrap_or(shared),
            high.value * high.factor.unwrap_or(shared),
        );
        if lo > hi {
            let reason = format!(
                "range start {} is above end {}",
                Shortest(low.value),
                Shortest(high.value)
            );
            return Err(QueryError::new(low.start, reason));
        }
        Ok(NumberQuery::Between(lo, hi))
    }

    /// `$`? number unit?; `after` names what came before, for messages.
    fn amount(&mut self, after: &str) -> Result<Amount, QueryError> {
        self.cursor.skip_spaces();
        let start = self.cursor.at;
        if self.cursor.peek() == Some('$') {
            if self.unit != ColumnUnit::Usd {
                let reason = format!("'$' goes only in price columns, not in {}", self.column);
                return Err(QueryError::new(start, reason));
            }
            self.cursor.at += 1;
        }
        let value = self.cursor.number(after)?;
        let save = self.cursor.at;
        self.cursor.skip_spaces();
        let word_start = self.cursor.at;
        let is_unit_char = |c: char| c.is_ascii_alphabetic() || c == '/' || c == '%';
        if !self
            .cursor
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '%')
        {
            self.cursor.at = save;
            return Ok(Amount {
                value,
                factor: None,
                start,
            });
        }
        while self.cursor.peek().is_some_and(is_unit_char) {
            self.cursor.at += 1;
        }
        let word = self.cursor.text(word_start, self.cursor.at);
        let factor = self
            .unit
            .factor(&word, self.column)
            .map_err(|reason| QueryError::new(word_start, reason))?;
        Ok(Amount {
            value,
            factor: Some(factor),
            start,
        })
    }
}
