//! The visitor's calculator (`embed.html`): a door of its own, so the full app's code is
//! never linked into it.
fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(retorno::ui::embed::Embed);
}
