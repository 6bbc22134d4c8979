//! Text from a file made safe to show: control characters (NUL, escapes, line breaks) and
//! the invisible characters that reorder or hide text (bidi overrides such as U+202E, which
//! make `exe.png` read as `gnp.exe`; zero-width spaces) are removed, whitespace runs become
//! one space, and long text is cut to [`MAX_TEXT_CHARS`] with `…`.

use super::budget::MAX_TEXT_CHARS;

/// Whether `c` changes the order or visibility of text without being seen: bidi embeddings,
/// overrides, isolates and marks, zero-width characters and the byte order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` as the atlas shows it (see the module notes).
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MAX_TEXT_CHARS));
    let mut chars = 0;
    let mut space = false;
    for c in text.chars() {
        if is_invisible_format(c) || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if chars + usize::from(space) >= MAX_TEXT_CHARS {
            out.push('…');
            return out;
        }
        if space {
            out.push(' ');
            chars += 1;
            space = false;
        }
        out.push(c);
        chars += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clean, MAX_TEXT_CHARS};

    #[test]
    fn controls_and_bidi_overrides_are_removed_and_long_text_is_cut() {
        assert_eq!(clean("Intel\u{0} Xeon\u{7}"), "Intel Xeon");
        assert_eq!(clean("  a\tb\r\n c  "), "a b c");
        assert_eq!(clean("report\u{202E}gnp.exe"), "reportgnp.exe");
        assert_eq!(clean("a\u{200B}b\u{2066}c\u{2069}\u{FEFF}"), "abc");
        assert_eq!(clean("Graviton4 é 中"), "Graviton4 é 中");
        let long = clean(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(
            clean(&"x".repeat(MAX_TEXT_CHARS)),
            "x".repeat(MAX_TEXT_CHARS)
        );
    }
}
