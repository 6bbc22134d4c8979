//! The browser entry point: mounts the app.

fn main() {
    yew::Renderer::<instance_atlas::App>::new().render();
}
