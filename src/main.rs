//! The browser entry point: marks the start (for `make bench`) and mounts the app.

fn main() {
    instance_atlas::browser::mark(instance_atlas::browser::START_MARK);
    yew::Renderer::<instance_atlas::App>::new().render();
}
