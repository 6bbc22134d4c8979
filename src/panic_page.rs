//! What a panic shows: the page is replaced by "Something went wrong: reload", the text for
//! a bug report, and a Reload link to the same address (so a reload returns to the same
//! state). The panel itself is built by `assets/boot.js`, which shows it on the WebAssembly
//! trap every panic ends in: the published build (`scripts/release-build`) panics with
//! `panic = "immediate-abort"`, a bare trap, so no Rust code runs after a panic there and the
//! panel shows the trap's stack. Builds on the stable toolchain (`trunk serve`, the browser
//! tests) unwind nothing either (`panic = "abort"`), but they run the hook below first, which
//! hands the panic's message and location to the panel.

/// The address key that makes the app panic on purpose, to test the panel: `?debug=panic`.
pub const TEST_PANIC_KEY: &str = "debug=panic";

/// Where the hook leaves the panic's text for the panel (`self.atlasPanicText`).
#[cfg(not(panic = "immediate-abort"))]
const PANIC_TEXT_GLOBAL: &str = "atlasPanicText";

/// Installs the hook (through Yew, which would otherwise replace it with its own). A build
/// with `panic = "immediate-abort"` calls no hook, so it links none.
pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    yew::set_custom_panic_hook(Box::new(keep_text));
}

/// Panics when the address asks for it with [`TEST_PANIC_KEY`] (for the end-to-end test).
pub fn panic_if_asked(query: &str) {
    let asked = query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == TEST_PANIC_KEY);
    if asked {
        panic!("the address asked for a test panic ({TEST_PANIC_KEY})");
    }
}

/// Logs the panic and leaves its text where the panel reads it; the trap that follows shows
/// the panel.
#[cfg(not(panic = "immediate-abort"))]
fn keep_text(info: &std::panic::PanicHookInfo<'_>) {
    use wasm_bindgen::JsValue;
    let text = JsValue::from_str(&info.to_string());
    web_sys::console::error_1(&text);
    // Nothing more can be done if the global object is gone.
    let _ = js_sys::Reflect::set(&js_sys::global(), &PANIC_TEXT_GLOBAL.into(), &text);
}
