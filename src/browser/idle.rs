//! Work for when the page has nothing else to do: `requestIdleCallback`, or a timeout in a
//! browser that has none.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a browser without `requestIdleCallback` waits before doing idle work, in ms.
const NO_IDLE_CALLBACK_DELAY_MS: i32 = 1000;

/// Runs `work` once, the next time the page is idle (after the frame being drawn).
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(work);
    if window
        .request_idle_callback(callback.unchecked_ref())
        .is_err()
    {
        // Safari has no requestIdleCallback: the call throws, and a timeout stands in.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            NO_IDLE_CALLBACK_DELAY_MS,
        );
    }
}
