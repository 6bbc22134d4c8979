//! What the Table's export buttons produce: the text (CSV, TSV or Markdown of every row
//! shown, with the prices' region, OS and date), the file name, and the words of the notice
//! that follows, including the one for a frame that blocks downloads.

use crate::atlas::Atlas;
use crate::prices::PRICE_LIST_DATE;
use crate::state::State;
use crate::table::{
    export_file_name, export_note, to_delimited, to_markdown, Column, ExportContext, ExportFormat,
};
use crate::text::count;

use super::table::TablePrices;

/// One of the Table's export buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// Download a CSV file.
    DownloadCsv,
    /// Copy CSV to the clipboard.
    CopyCsv,
    /// Copy TSV to the clipboard (pastes into a spreadsheet as columns).
    CopyTsv,
    /// Copy a Markdown table to the clipboard.
    CopyMarkdown,
}

impl ExportKind {
    /// Every button, in the toolbar's order.
    pub const ALL: [ExportKind; 4] = [
        ExportKind::DownloadCsv,
        ExportKind::CopyCsv,
        ExportKind::CopyTsv,
        ExportKind::CopyMarkdown,
    ];

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::DownloadCsv => "Download CSV",
            ExportKind::CopyCsv => "Copy as CSV",
            ExportKind::CopyTsv => "Copy as TSV",
            ExportKind::CopyMarkdown => "Copy as Markdown",
        }
    }

    /// The button's test id.
    pub fn test_id(self) -> &'static str {
        match self {
            ExportKind::DownloadCsv => "export-csv",
            ExportKind::CopyCsv => "copy-csv",
            ExportKind::CopyTsv => "copy-tsv",
            ExportKind::CopyMarkdown => "copy-markdown",
        }
    }

    /// Whether it saves a file (the others copy).
    pub fn downloads(self) -> bool {
        self == ExportKind::DownloadCsv
    }

    fn format_name(self) -> &'static str {
        match self {
            ExportKind::DownloadCsv | ExportKind::CopyCsv => "CSV",
            ExportKind::CopyTsv => "TSV",
            ExportKind::CopyMarkdown => "Markdown",
        }
    }
}

/// What an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableExport {
    /// The text.
    pub text: String,
    /// The file name (`instance-atlas-us-east-1-linux-2025-03-02.csv`).
    pub file_name: String,
    /// The MIME type of a download.
    pub mime: &'static str,
    /// How many rows it holds.
    pub rows: usize,
}

/// Where the prices of `state` are from.
pub fn export_context(state: &State) -> ExportContext<'_> {
    ExportContext {
        region: &state.region,
        os: state.os,
        price_date: PRICE_LIST_DATE,
    }
}

/// The export of `rows` (catalog indices, in order) in `columns` for `kind`. CSV and TSV
/// start with a line naming the region, OS and price date; Markdown starts with the same
/// words as a sentence, then a blank line and the table.
pub fn table_export(
    atlas: &Atlas,
    state: &State,
    rows: &[usize],
    columns: &[Column],
    prices: &TablePrices,
    kind: ExportKind,
) -> TableExport {
    let context = export_context(state);
    let format = match kind {
        ExportKind::CopyTsv => ExportFormat::Tsv,
        _ => ExportFormat::Csv,
    };
    let catalog = &atlas.catalog;
    let text = match kind {
        ExportKind::CopyMarkdown => {
            let note = export_note(&context, rows.len());
            let note = note.trim_start_matches(['#', ' ']);
            let table = to_markdown(catalog, rows, columns, &prices.prices);
            format!("{note}\n\n{table}")
        }
        _ => to_delimited(catalog, rows, columns, &prices.prices, format, &context),
    };
    TableExport {
        text,
        file_name: export_file_name(&context, format),
        mime: match format {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Tsv => "text/tab-separated-values;charset=utf-8",
        },
        rows: rows.len(),
    }
}

/// What the notice says once an export went well: "Saved 96 rows to
/// instance-atlas-us-east-1-linux-2025-03-02.csv", "Copied 96 rows as TSV".
pub fn export_done(kind: ExportKind, export: &TableExport) -> String {
    let rows = count(export.rows, "row", "rows");
    if kind.downloads() {
        format!("Saved {rows} to {}", export.file_name)
    } else {
        format!("Copied {rows} as {}", kind.format_name())
    }
}

/// What the notice says when an export failed, with the browser's reason.
pub fn export_failed(kind: ExportKind, reason: &str) -> String {
    if kind.downloads() {
        format!("Could not save the CSV: {reason}")
    } else {
        format!("Could not copy: {reason}")
    }
}

/// What the Download button's notice says in a frame that blocks downloads (an iframe
/// `sandbox` without `allow-downloads`): nothing was saved, and what to do instead.
pub const DOWNLOADS_BLOCKED: &str =
    "This page is inside a frame that blocks downloads, so no file was saved. Use Copy as CSV instead, or open the full atlas.";
