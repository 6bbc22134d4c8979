//! The banner that says which data is shown when it is not the built-in data: its source,
//! format, counts, what was skipped or missing, what was filled in, and the way back.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::load_data::LoadedData;

/// How many skipped rows are listed by reason.
const LISTED: usize = 20;

/// Props of [`DataSource`].
#[derive(Properties, PartialEq)]
pub struct DataSourceProps {
    /// The loaded data.
    pub loaded: Rc<LoadedData>,
    /// Back to the built-in data.
    pub on_reset: Callback<MouseEvent>,
}

/// "Your data: …" with the details and "Back to built-in data".
#[component]
pub fn DataSource(props: &DataSourceProps) -> Html {
    let loaded = &props.loaded;
    let report = &loaded.report;
    let skipped = report.skipped();
    let fill = &loaded.fill;
    let filled: Vec<String> = [
        ("category", fill.filled_category),
        ("processor", fill.filled_processor),
        ("vendor", fill.filled_vendor),
        ("clock", fill.filled_clock),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(field, n)| format!("{field} for {n}"))
    .collect();
    let skipped_count = skipped.len() + report.unlisted;
    html! {
        <section class="data-source" data-testid="data-source" aria-label="Data shown">
            <p>
                <strong>{ "Your data: " }</strong>
                { format!("{} ({}), {} loaded", loaded.source, report.format.label(),
                    plural(loaded.catalog.types.len(), "instance type", "instance types")) }
                if skipped_count > 0 { { format!(", {} skipped", plural(skipped_count, "row", "rows")) } }
                { ". " }
                <button type="button" class="pin" data-testid="data-reset" onclick={props.on_reset.clone()}>
                    { "Back to built-in data" }
                </button>
            </p>
            if !report.missing_fields.is_empty() {
                <p>{ format!("Not in the file: {}.", report.missing_fields.join(", ")) }</p>
            }
            if !filled.is_empty() {
                <p>{ format!("Filled in from the built-in data by instance type name: {} types.", filled.join(", ")) }</p>
            }
            if !report.duplicates.is_empty() {
                <p>{ format!("Names that appear more than once (the first is shown): {}.", report.duplicates.join(", ")) }</p>
            }
            if !skipped.is_empty() {
                <details>
                    <summary>{ format!("Why {} skipped", plural(skipped_count, "row was", "rows were")) }</summary>
                    <ul>
                        { for skipped.iter().take(LISTED).map(|row| html! { <li>{ &row.reason }</li> }) }
                        if skipped_count > LISTED { <li>{ format!("and {} more", skipped_count - LISTED) }</li> }
                    </ul>
                </details>
            }
        </section>
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
