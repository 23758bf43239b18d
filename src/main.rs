// The full app (index.html). Its code is behind the `app` feature, which only its build
// turns on (Cargo.toml); built without it, this binary does nothing.
fn main() {
    #[cfg(all(target_arch = "wasm32", feature = "app"))]
    {
        // The first paint's static markup (index.html) goes in the same task as the app
        // mounts: one frame shows it, the next the app, with nothing shifted between.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(retorno::ui::app::App);
    }
}
