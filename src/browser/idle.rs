//! Work for later: when the page has nothing else to do (`requestIdleCallback`, or a timeout
//! in a browser that has none), or in the task right after the next frame.

use std::cell::RefCell;
use std::rc::Rc;

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

/// How long one run of [`in_idle_steps`] goes on before it gives the page back, in ms: well
/// under the 50 ms a task may take before a click or key press waits for it.
const IDLE_SLICE_MS: f64 = 12.0;

/// Calls `step` once the page is idle until it returns `true`: in runs of about
/// [`IDLE_SLICE_MS`], each its own task, so input is never kept waiting long. The first run
/// waits like [`when_idle`]; the later ones follow in zero timeouts (a browser runs input
/// and frames between them), since Chrome keeps an idle callback asked for during idle
/// time for the next idle period, some 50 ms later.
pub fn in_idle_steps(step: impl FnMut() -> bool + 'static) {
    let step: Rc<RefCell<dyn FnMut() -> bool>> = Rc::new(RefCell::new(step));
    when_idle(move || idle_run(step));
}

/// One run of [`in_idle_steps`]; schedules the next while `step` is not done.
fn idle_run(step: Rc<RefCell<dyn FnMut() -> bool>>) {
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    let until = now() + IDLE_SLICE_MS;
    loop {
        if (step.borrow_mut())() {
            return;
        }
        // Without a clock, one step per run.
        if performance.is_none() || now() >= until {
            break;
        }
    }
    let next = Closure::once_into_js(move || idle_run(step));
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
    }
}

/// How long [`after_next_frame`] waits for a frame before it runs its work anyway (a hidden
/// tab or an off-screen frame draws none), in ms.
const NO_FRAME_DELAY_MS: i32 = 250;

/// Runs `work` once, in a task of its own after the browser's next frame
/// (`requestAnimationFrame`, then a zero timeout), so what that frame shows is on the screen
/// before `work` starts; or after [`NO_FRAME_DELAY_MS`] where no frame comes.
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let pending = Rc::new(RefCell::new(Some(Box::new(work) as Box<dyn FnOnce()>)));
    let run = move || {
        let work = pending.borrow_mut().take();
        if let Some(work) = work {
            work();
        }
    };
    let fallback = Closure::once_into_js(run.clone());
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        NO_FRAME_DELAY_MS,
    );
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let after = Closure::once_into_js(run);
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(after.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
