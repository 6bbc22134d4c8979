//! Text searches (the name search and the text columns' filters): words ANDed, each a
//! substring or `/regex/`, `a|b` for either, `!` to exclude (`m5 !m5a`, `!/metal/`).

use std::rc::Rc;

use super::pattern::{self, Pattern};
use super::{Cursor, QueryError, MAX_QUERY_CHARS};

/// One searched word: a case-insensitive substring, or a regex written between slashes.
#[derive(Debug, Clone)]
pub enum NameQuery {
    /// Text to find anywhere, lower-cased (ASCII).
    Substring(String),
    /// `/.../`: a case-insensitive regular expression, compiled by the installed engine
    /// (the browser's `RegExp` in the app; see [`pattern`](super::pattern)).
    Regex(Rc<dyn Pattern>),
}

impl NameQuery {
    /// Whether a text (an instance type name, a cell) matches. Allocates nothing.
    pub fn matches(&self, name: &str) -> bool {
        match self {
            NameQuery::Substring(needle) => contains_ignore_ascii_case(name, needle),
            NameQuery::Regex(regex) => regex.is_match(name),
        }
    }
}

/// One word of a search: any alternative matches (`m5|c5`), or, negated, none does.
#[derive(Debug, Clone)]
pub struct TextCondition {
    /// `!` in front: the text must match no alternative.
    pub negated: bool,
    /// The alternatives; never empty.
    pub any_of: Vec<NameQuery>,
}

/// A search: every word must hold. Allocates nothing to match.
#[derive(Debug, Clone, Default)]
pub struct TextQuery {
    /// The words, as typed from left to right.
    pub conditions: Vec<TextCondition>,
}

impl TextQuery {
    /// Whether a text passes every word.
    pub fn matches(&self, text: &str) -> bool {
        self.conditions
            .iter()
            .all(|c| c.negated != c.any_of.iter().any(|q| q.matches(text)))
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

/// Parses the name search box; see [`parse_text_query`].
pub fn parse_name_query(s: &str) -> Result<Option<TextQuery>, QueryError> {
    parse_text_query(s, "the search")
}

/// Parses a text search: words separated by spaces, all of which must match; a word is a
/// case-insensitive substring or `/pattern/` (a case-insensitive regex, which may hold
/// spaces and `|`), `a|b` matches either, and a leading `!` excludes. `what` names the box
/// in messages. Empty text, or only `//`, is `Ok(None)`.
///
/// A bad pattern, an unclosed `/`, or one that compiles too large is a [`QueryError`].
pub fn parse_text_query(s: &str, what: &str) -> Result<Option<TextQuery>, QueryError> {
    let length = s.chars().count();
    if length > MAX_QUERY_CHARS {
        let reason = format!("{what} is {length} characters long; at most {MAX_QUERY_CHARS}");
        return Err(QueryError::new(MAX_QUERY_CHARS, reason));
    }
    let mut cursor = Cursor::new(s);
    let mut conditions = Vec::new();
    loop {
        cursor.skip_spaces();
        if cursor.peek().is_none() {
            break;
        }
        let negated = cursor.peek() == Some('!');
        if negated {
            cursor.at += 1;
            if cursor.peek().is_none_or(char::is_whitespace) {
                let reason = "expected a word or /regex/ right after '!', like !m5a";
                return Err(QueryError::new(cursor.at, reason));
            }
        }
        let mut any_of = Vec::new();
        loop {
            if let Some(word) = word(&mut cursor)? {
                any_of.push(word);
            }
            if cursor.peek() != Some('|') {
                break;
            }
            cursor.at += 1;
        }
        if !any_of.is_empty() {
            conditions.push(TextCondition { negated, any_of });
        }
    }
    Ok((!conditions.is_empty()).then_some(TextQuery { conditions }))
}

/// One word: `/pattern/` up to the next unescaped `/`, or text up to a space or `|`.
/// `None` for an empty word (`//`, or nothing between two `|`).
fn word(cursor: &mut Cursor) -> Result<Option<NameQuery>, QueryError> {
    if cursor.peek() != Some('/') {
        let start = cursor.at;
        while cursor
            .peek()
            .is_some_and(|c| !c.is_whitespace() && c != '|')
        {
            cursor.at += 1;
        }
        let text = cursor.text(start, cursor.at).to_ascii_lowercase();
        return Ok((!text.is_empty()).then_some(NameQuery::Substring(text)));
    }
    let open = cursor.at;
    cursor.at += 1;
    let mut escaped = false;
    while let Some(c) = cursor.peek() {
        if c == '/' && !escaped {
            break;
        }
        escaped = c == '\\' && !escaped;
        cursor.at += 1;
    }
    if cursor.peek().is_none() {
        let end = cursor
            .chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |i| i + 1);
        let reason = "a regex search needs a closing '/', like /^m[5-7]a?\\./";
        return Err(QueryError::new(end, reason));
    }
    let pattern = cursor.text(open + 1, cursor.at);
    cursor.at += 1;
    if pattern.is_empty() {
        return Ok(None);
    }
    let regex = pattern::compile(&pattern).map_err(|reason| QueryError::new(open + 1, reason))?;
    Ok(Some(NameQuery::Regex(regex)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_search_ignores_case_and_allocates_nothing() {
        assert!(contains_ignore_ascii_case("C7GN.16xlarge", "c7gn."));
        assert!(!contains_ignore_ascii_case("m5", "m5a"));
        assert!(contains_ignore_ascii_case("anything", ""));
    }
}
