//! Regular expressions for `/regex/` searches, behind a small trait: the browser lends the
//! model its own engine (JavaScript's `RegExp`), so the WebAssembly carries none; host builds
//! (tests, benches) use regex-lite through the `host-regex` feature.
//!
//! Whatever the engine, a pattern is first checked here for the shapes that make a
//! backtracking engine slow (`(a+)+`, `(a{1000}){1000}`) and for deep nesting.

use std::cell::RefCell;
use std::fmt::Debug;
use std::rc::Rc;

/// Deepest group nesting a search pattern may have.
pub const MAX_GROUP_DEPTH: usize = 50;

/// A compiled, case-insensitive regular expression.
pub trait Pattern: Debug {
    /// Whether the pattern matches anywhere in `text`.
    fn is_match(&self, text: &str) -> bool;
}

/// Something that compiles patterns (the browser's `RegExp`, or regex-lite on the host).
pub trait RegexEngine {
    /// Compiles `pattern` to match case-insensitively, or says in words why it cannot
    /// (the reason is shown under the box, after "not a valid regex: " where that fits).
    fn compile(&self, pattern: &str) -> Result<Rc<dyn Pattern>, String>;
}

thread_local! {
    /// The engine the app installed at start (see [`install_regex_engine`]).
    static ENGINE: RefCell<Option<Rc<dyn RegexEngine>>> = const { RefCell::new(None) };
}

/// Makes `engine` the one that compiles every later `/regex/` search on this thread. The
/// browser app calls it once at start, before anything is parsed.
pub fn install_regex_engine(engine: Rc<dyn RegexEngine>) {
    ENGINE.with(|slot| *slot.borrow_mut() = Some(engine));
}

/// Compiles a search pattern with the installed engine (or the host one), after refusing
/// nested repetition and deep nesting. The error is the reason to show a person.
pub(crate) fn compile(pattern: &str) -> Result<Rc<dyn Pattern>, String> {
    if let Some(risk) = backtracking_risk(pattern) {
        return Err(risk);
    }
    let installed = ENGINE.with(|slot| slot.borrow().clone());
    match installed {
        Some(engine) => engine.compile(pattern),
        None => fallback(pattern),
    }
}

#[cfg(feature = "host-regex")]
fn fallback(pattern: &str) -> Result<Rc<dyn Pattern>, String> {
    host::HostRegex.compile(pattern)
}

#[cfg(not(feature = "host-regex"))]
fn fallback(_pattern: &str) -> Result<Rc<dyn Pattern>, String> {
    Err("regex searches are not available here (no regular-expression engine)".to_owned())
}

/// Why `pattern` would be slow or huge in a backtracking engine, if it would: a repeated
/// group that itself holds a repetition (`(a+)+`, `(\w*)*`, `(a{1000}){1000}`), or groups
/// nested deeper than [`MAX_GROUP_DEPTH`]. Escapes and character classes are skipped.
pub fn backtracking_risk(pattern: &str) -> Option<String> {
    // For each open group: whether it holds a repetition so far.
    let mut open: Vec<bool> = Vec::new();
    // Whether the atom just closed (a group) held a repetition.
    let mut closed_holds_repetition = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let was_closed_group = std::mem::take(&mut closed_holds_repetition);
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                // A class ends at the first unescaped ']' that is not its first character.
                let mut first = true;
                while let Some(k) = chars.next() {
                    match k {
                        '\\' => {
                            chars.next();
                        }
                        ']' if !first => break,
                        _ => {}
                    }
                    first = k == '^' && first;
                }
            }
            '(' => {
                open.push(false);
                if open.len() > MAX_GROUP_DEPTH {
                    return Some(format!(
                        "the regex nests groups more than {MAX_GROUP_DEPTH} deep; use a simpler pattern"
                    ));
                }
            }
            ')' => {
                let held = open.pop().unwrap_or(false);
                closed_holds_repetition = held;
                if held {
                    if let Some(outer) = open.last_mut() {
                        *outer = true;
                    }
                }
            }
            '*' | '+' | '{' => {
                if c == '{' && !chars.peek().is_some_and(char::is_ascii_digit) {
                    continue;
                }
                if was_closed_group {
                    return Some(
                        "a repeated group holds a repetition, like (a+)+ or (a{1000}){1000}: \
                         that can take too long or grow too large; repeat only once"
                            .to_owned(),
                    );
                }
                if let Some(group) = open.last_mut() {
                    *group = true;
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(feature = "host-regex")]
mod host {
    //! regex-lite as the engine on the host (tests, benches, examples).
    use std::rc::Rc;

    use super::{Pattern, RegexEngine};

    /// The largest compiled size of a search regex, in bytes.
    const SIZE_LIMIT: usize = 64 * 1024;

    /// regex-lite, case-insensitive, with a size limit.
    pub(super) struct HostRegex;

    #[derive(Debug)]
    struct Compiled(regex_lite::Regex);

    impl Pattern for Compiled {
        fn is_match(&self, text: &str) -> bool {
            self.0.is_match(text)
        }
    }

    impl RegexEngine for HostRegex {
        fn compile(&self, pattern: &str) -> Result<Rc<dyn Pattern>, String> {
            let regex = regex_lite::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .size_limit(SIZE_LIMIT)
                .nest_limit(super::MAX_GROUP_DEPTH as u32)
                .build()
                .map_err(|e| {
                    let message = e.to_string();
                    let message = message.lines().last().unwrap_or_default().trim();
                    if message.contains("size limit") {
                        "the regex is too large once compiled; use a simpler pattern".to_owned()
                    } else {
                        format!("not a valid regex: {message}")
                    }
                })?;
            Ok(Rc::new(Compiled(regex)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_repetition_is_a_risk() {
        for bad in [
            "(a+)+",
            "(\\w*)*$",
            "(a{1000}){1000}",
            "((ab)+c)*",
            "(x|y+){2,}",
        ] {
            assert!(backtracking_risk(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn ordinary_patterns_are_not() {
        for good in [
            "^m5a?\\.(large|xlarge)$",
            "(ab)+",
            "[(+]+",
            "a+b*c{2}",
            "\\(a+\\)+",
            "(m5|c5)\\.",
            "a{,3}",
            "[]+]*(x)",
        ] {
            assert_eq!(backtracking_risk(good), None, "{good}");
        }
    }

    #[test]
    fn deep_nesting_is_a_risk() {
        let deep = format!("{}a{}", "(".repeat(60), ")".repeat(60));
        assert!(backtracking_risk(&deep).is_some_and(|r| r.contains("deep")));
    }
}
