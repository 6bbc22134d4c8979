//! JSON text made readable record by record before a strict reader sees it. Two things the
//! JSON reader refuses for the whole file are turned into values that cost one record:
//! - a lone UTF-16 surrogate escape (`"\ud800"` without its pair) becomes `\ufffd`, the
//!   replacement character, shown as "�" (same length, so every line and column stays);
//! - a number beyond the range of a float (`1e400`, 400 digits) becomes a string (`"1e400"`),
//!   which the lenient number reads as infinite and the range checks then refuse.
//!
//! The scan is one pass over the bytes; the text is copied only when something changes.

use std::borrow::Cow;

/// The text with lone surrogates and out-of-range numbers rewritten (see the module notes).
pub(crate) fn repair(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut edits: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        match (in_string, b[i]) {
            (true, b'"') => {
                in_string = false;
                i += 1;
            }
            (true, b'\\') => match unicode_escape(b, i) {
                Some(0xD800..=0xDBFF) => {
                    let pair = unicode_escape(b, i + 6).filter(|u| (0xDC00..=0xDFFF).contains(u));
                    if pair.is_some() {
                        i += 12;
                    } else {
                        edits.push((i, 6, "\\ufffd"));
                        i += 6;
                    }
                }
                Some(0xDC00..=0xDFFF) => {
                    edits.push((i, 6, "\\ufffd"));
                    i += 6;
                }
                Some(_) => i += 6,
                None => i += 2,
            },
            (true, _) => i += 1,
            (false, b'"') => {
                in_string = true;
                i += 1;
            }
            (false, b'-' | b'0'..=b'9') => {
                let end = b[i..]
                    .iter()
                    .position(|c| !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(b.len(), |n| i + n);
                let overflows = text[i..end].parse::<f64>().is_ok_and(|x| x.is_infinite());
                if overflows {
                    edits.push((i, 0, "\""));
                    edits.push((end, 0, "\""));
                }
                i = end;
            }
            (false, _) => i += 1,
        }
    }
    if edits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * edits.len());
    let mut at = 0;
    for (start, len, with) in edits {
        out.push_str(&text[at..start]);
        out.push_str(with);
        at = start + len;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// The code unit of a `\uXXXX` escape starting at `i`, if there is one.
fn unicode_escape(b: &[u8], i: usize) -> Option<u32> {
    if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
        return None;
    }
    let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn lone_surrogates_and_huge_numbers_are_rewritten_and_nothing_else() {
        let cases = [
            (r#"{"a": "x\ud800y"}"#, r#"{"a": "x\ufffdy"}"#),
            (r#"{"a": "\udc00"}"#, r#"{"a": "\ufffd"}"#),
            (r#"{"a": "\ud83d\ude00"}"#, r#"{"a": "\ud83d\ude00"}"#),
            (r#"{"a": "\\ud800"}"#, r#"{"a": "\\ud800"}"#),
            (
                r#"{"a": 1e400, "b": -1e999}"#,
                r#"{"a": "1e400", "b": "-1e999"}"#,
            ),
            (
                r#"{"a": 1e308, "b": "1e400", "c": 1e-400}"#,
                r#"{"a": 1e308, "b": "1e400", "c": 1e-400}"#,
            ),
            (r#"["\ud800"#, r#"["\ufffd"#),
            (r#"["\u12"#, r#"["\u12"#),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(repair(input), expected, "{input}");
        }
    }
}
