//! The visitor's calculator (`embed.html`): a door of its own, so the full app's code is
//! never linked into it.
fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // The first paint's static markup (embed.html) goes in the same task as the
        // calculator mounts: one frame shows it, the next the calculator.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(retorno::ui::embed::Embed);
    }
}
