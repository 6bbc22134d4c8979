//! Exports people can use: the atlas's column names and words, clean numbers with units in
//! the header, the prices' region, OS and date in the file and its name, CSV and TSV.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_model::catalog::Catalog;
use atlas_model::family::families;
use atlas_model::filter::Filter;
use atlas_model::prices::{Os, PriceTable, Pricing};
use atlas_model::table::{
    export_file_name, rows, to_delimited, Column, ExportContext, ExportFormat, RowPrices,
    TableQuery,
};

fn setup() -> (Catalog, RowPrices) {
    let catalog =
        Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv")).unwrap();
    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap();
    let pricing = Pricing {
        table: &table,
        region: "eu-west-1",
        os: Os::Windows,
        include_suspect: false,
    };
    let prices = RowPrices::new(&catalog, &pricing);
    (catalog, prices)
}

const IRELAND: ExportContext = ExportContext {
    region: "eu-west-1",
    os: Os::Windows,
    price_date: "2025-03-02",
};

fn all_rows(catalog: &Catalog, prices: &RowPrices) -> Vec<usize> {
    let families = families(catalog);
    let query = TableQuery::default();
    let shown = atlas_model::shown::shown_types(catalog, &families, &Filter::default(), None);
    rows(catalog, &families, &shown, &query, None, prices)
}

#[test]
fn the_file_says_which_region_os_and_date_its_prices_are_for() {
    let (catalog, prices) = setup();
    let all = all_rows(&catalog, &prices);
    let csv = to_delimited(
        &catalog,
        &all,
        &Column::ALL,
        &prices,
        ExportFormat::Csv,
        &IRELAND,
    );
    let first = csv.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "# Instance Atlas: {} instance types.",
            catalog.types.len()
        )),
        "{first}"
    );
    for words in ["eu-west-1", "Europe (Ireland)", "Windows", "2025-03-02"] {
        assert!(first.contains(words), "{words} in {first}");
    }
    assert!(!first.contains(','), "the note stays one cell: {first}");
    let header = csv.lines().nth(1).unwrap();
    assert!(header.starts_with("Name,Family,Category,vCPU,Memory (GiB),Clock (GHz),Processor"));
    assert!(header.contains("Network (Gbps)") && header.contains("Price ($/month)"));
    assert_eq!(
        export_file_name(&IRELAND, ExportFormat::Csv),
        "instance-atlas-eu-west-1-windows-2025-03-02.csv"
    );
    assert_eq!(
        export_file_name(&IRELAND, ExportFormat::Tsv),
        "instance-atlas-eu-west-1-windows-2025-03-02.tsv"
    );
}

#[test]
fn numbers_are_clean_and_words_are_the_atlas_own() {
    let (catalog, prices) = setup();
    let all = all_rows(&catalog, &prices);
    let csv = to_delimited(
        &catalog,
        &all,
        &Column::ALL,
        &prices,
        ExportFormat::Csv,
        &IRELAND,
    );
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let header = &records[1];
    let at = |label: &str| header.iter().position(|h| h == label).unwrap();
    for record in &records[2..] {
        for (i, cell) in record.iter().enumerate() {
            if let Some((_, decimals)) = cell.split_once('.') {
                if cell.parse::<f64>().is_ok() {
                    assert!(decimals.len() <= 6, "{}: {cell}", &header[i]);
                }
            }
        }
        assert!(!record[at("Category")].contains("instance"), "{:?}", record);
        assert!(!record[at("Network (Gbps)")].contains("Gigabit"));
    }
    let p3dn = records.iter().find(|r| &r[0] == "p3dn.24xlarge").unwrap();
    assert_eq!(&p3dn[at("Category")], "Accelerated computing");
    assert_eq!(&p3dn[at("Memory (GiB)")], "768");
    assert_eq!(&p3dn[at("Network (Gbps)")], "100");
    assert_eq!(&p3dn[at("Local storage (GB)")], "1800");
    assert_eq!(&p3dn[at("GiB per vCPU")], "8");
    // A month is 730 hours: no float noise like 832.1999999999999.
    let monthly: Vec<&str> = records[2..]
        .iter()
        .map(|r| &r[at("Price ($/month)")])
        .collect();
    assert!(monthly
        .iter()
        .all(|m| m.split_once('.').is_none_or(|(_, d)| d.len() <= 2)));
    assert!(monthly.iter().any(|m| !m.is_empty()));
}

#[test]
fn the_export_with_its_note_re_imports_and_tsv_pastes_as_columns() {
    let (catalog, prices) = setup();
    let all = all_rows(&catalog, &prices);
    for format in [ExportFormat::Csv, ExportFormat::Tsv] {
        let text = to_delimited(&catalog, &all, &Column::ALL, &prices, format, &IRELAND);
        let again = atlas_model::import::load(&text, Some("export")).unwrap();
        assert!(again.skipped().is_empty(), "{:?}", again.skipped().first());
        assert_eq!(again.catalog.types.len(), catalog.types.len());
        let m5 = again.catalog.get("m5.large").unwrap();
        assert_eq!((m5.vcpu, m5.memory_gib), (2, 8.0));
    }
    let tsv = to_delimited(
        &catalog,
        &all[..1],
        &[Column::Name, Column::Category, Column::Vcpu],
        &prices,
        ExportFormat::Tsv,
        &IRELAND,
    );
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[1], "Name\tCategory\tvCPU");
    assert_eq!(lines[2].split('\t').count(), 3);
}
