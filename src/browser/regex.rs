//! The browser's own regular-expression engine (JavaScript's `RegExp`) behind the model's
//! [`RegexEngine`] trait, so the WebAssembly carries no engine of its own.

use std::rc::Rc;

use atlas_model::query::pattern::{install_regex_engine, Pattern, RegexEngine};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JavaScript `RegExp`, built with a constructor that reports a bad pattern.
    #[wasm_bindgen(js_name = RegExp)]
    type CheckedRegExp;

    #[wasm_bindgen(constructor, catch, js_class = "RegExp")]
    fn new(pattern: &str, flags: &str) -> Result<CheckedRegExp, JsValue>;

    #[wasm_bindgen(method)]
    fn test(this: &CheckedRegExp, text: &str) -> bool;
}

/// A pattern compiled by the browser, with its source for debugging output.
struct BrowserPattern {
    source: String,
    regexp: CheckedRegExp,
}

impl std::fmt::Debug for BrowserPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/i", self.source)
    }
}

impl Pattern for BrowserPattern {
    fn is_match(&self, text: &str) -> bool {
        self.regexp.test(text)
    }
}

/// JavaScript's `RegExp`, case-insensitive (flag `i`; no `g`, so a match keeps no state).
struct BrowserRegex;

impl RegexEngine for BrowserRegex {
    fn compile(&self, pattern: &str) -> Result<Rc<dyn Pattern>, String> {
        let regexp = CheckedRegExp::new(pattern, "i").map_err(|thrown| {
            let message = super::js_message(&thrown);
            // "Invalid regular expression: /m5(/i: Unterminated group" -> the last part.
            let reason = message.rsplit(": ").next().unwrap_or(&message);
            format!("not a valid regex: {reason}")
        })?;
        let source = pattern.to_owned();
        Ok(Rc::new(BrowserPattern { source, regexp }))
    }
}

/// Makes the browser's `RegExp` the engine of every `/regex/` search (called at start).
pub fn install_browser_regex() {
    install_regex_engine(Rc::new(BrowserRegex));
}
