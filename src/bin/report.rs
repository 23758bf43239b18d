//! The leave-behind report (`report.html#s=<share link>`): a door of its own, so the full
//! app never carries the report's code, and the report none of the full app's screens.
fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(retorno::ui::report::ReportPage);
}
