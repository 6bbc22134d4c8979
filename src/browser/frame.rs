//! Messages to an embedding page (the frame's content height).

/// Tells the embedding page the content's height in CSS pixels, as the message
/// `{type: "instance-atlas:height", height}`. Nothing happens outside a frame.
pub fn post_height_to_parent(height: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"instance-atlas:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // The height is not a secret and a sandboxed frame has no origin to name: any parent may read it.
    let _ = parent.post_message(&message, "*");
}
