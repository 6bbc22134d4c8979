//! The Table view: columns read the right values, filters and search narrow the rows,
//! sorting orders them the way a person expects, and exports survive hostile text.

mod common;

use atlas_model::catalog::Catalog;
use atlas_model::family::{families, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::query::{parse_column_query, parse_name_query, parse_text_query};
use atlas_model::table::{rows, to_csv, to_markdown, Column, RowPrices, SortDirection, TableQuery};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

fn setup() -> (Catalog, Vec<Family>) {
    let catalog = Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"));
    let families = families(&catalog);
    (catalog, families)
}

fn index(catalog: &Catalog, name: &str) -> usize {
    catalog
        .types
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("a value was expected"))
}

fn names(catalog: &Catalog, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| catalog.types[i].name.clone())
        .collect()
}

fn query(search: &str, filters: &[(Column, &str)]) -> TableQuery {
    TableQuery {
        search: parse_name_query(search).unwrap_or_else(|e| panic!("{e:?}")),
        filters: filters
            .iter()
            .map(|(c, q)| {
                (
                    *c,
                    parse_column_query(q, c.unit().unwrap_or_default(), c.label())
                        .unwrap_or_else(|e| panic!("{e:?}"))
                        .unwrap_or_else(|| panic!("a value was expected")),
                )
            })
            .collect(),
        texts: Vec::new(),
        ..TableQuery::default()
    }
}

#[test]
fn slugs_round_trip_and_are_unique() {
    for (i, column) in Column::ALL.into_iter().enumerate() {
        assert_eq!(Column::from_slug(column.slug()), Some(column));
        assert_eq!(column as usize, i, "ALL is in declaration order");
        assert!(!column.label().is_empty());
    }
    assert_eq!(Column::from_slug("price"), None);
    assert!(Column::DEFAULT.contains(&Column::Name));
    assert!(Column::Vcpu.is_numeric() && !Column::Processor.is_numeric());
}

#[test]
fn cells_show_numbers_in_the_columns_unit_and_tooltips_keep_the_rest() {
    let (catalog, _) = setup();
    let t = catalog.get("p3dn.24xlarge").unwrap();
    let cell = |c: Column| c.text(t);
    assert_eq!(cell(Column::Name), "p3dn.24xlarge");
    assert_eq!(cell(Column::Family), "p3dn");
    assert_eq!(cell(Column::Category), "Accelerated computing");
    assert_eq!(cell(Column::Vcpu), "96");
    assert_eq!(cell(Column::Memory), "768");
    assert_eq!(cell(Column::Network), "100");
    assert_eq!(cell(Column::Storage), "1800");
    assert_eq!(
        Column::Storage.tooltip(t).as_deref(),
        Some("2 x 900 GB NVMe SSD")
    );
    assert_eq!(Column::Storage.source_text(t), "2 x 900 NVMe SSD");
    assert_eq!(cell(Column::StorageKind), "NVMe SSD");
    assert_eq!(cell(Column::Gpus), "8");
    assert_eq!(cell(Column::Vendor), "Intel");
    assert_eq!(cell(Column::CurrentGeneration), "Yes");
    assert_eq!(cell(Column::GibPerVcpu), "8");
    assert_eq!(cell(Column::Generation), "3");
    assert_eq!(Column::Storage.number(t), Some(1800.0));
    assert_eq!(Column::Memory.number(t), Some(768.0));
    assert_eq!(Column::Processor.number(t), None);
    let small = catalog.get("m5.large").unwrap();
    assert_eq!(Column::Storage.text(small), "EBS only");
    assert_eq!(Column::Storage.number(small), Some(0.0));
    assert_eq!(Column::StorageKind.text(small), "");
    assert_eq!(Column::GpuMemory.text(small), "");
    assert_eq!(Column::GibPerVcpu.text(small), "4");
    // "Up to 10 Gigabit" and "Up to 12500 Megabit" both read as Gbps numbers; the
    // tooltip keeps "up to", never the source's Megabit.
    let burst = catalog
        .types
        .iter()
        .find(|t| t.network.up_to && t.network.label.contains("Megabit"));
    if let Some(burst) = burst {
        let gbps = Column::Network.text(burst);
        assert!(
            !gbps.contains("Megabit") && gbps.parse::<f64>().is_ok(),
            "{gbps}"
        );
        let tip = Column::Network.tooltip(burst).unwrap();
        assert_eq!(tip, format!("Up to {gbps} Gbps"));
    }
    let m5 = catalog.get("m5.large").unwrap();
    assert_eq!(Column::Network.text(m5), "10");
    assert_eq!(
        Column::Network.tooltip(m5).as_deref(),
        Some("Up to 10 Gbps")
    );
    for t in &catalog.types {
        let network = Column::Network.text(t);
        assert!(
            !network.contains("Megabit") && !network.contains("Gigabit"),
            "{}: {network}",
            t.name
        );
    }
}

#[test]
fn generation_and_gib_per_vcpu_columns_filter_and_sort() {
    let (catalog, families) = setup();
    // The generation column agrees with the name decoder for every family.
    for t in &catalog.types {
        let decoded = atlas_model::name::decode(&t.name)
            .ok()
            .and_then(|d| d.generation);
        assert_eq!(
            Column::Generation.number(t),
            decoded.map(f64::from),
            "{}",
            t.name
        );
    }
    let q = query(
        "",
        &[(Column::GibPerVcpu, ">=16"), (Column::Generation, "7|8")],
    );
    let found = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        None,
        &RowPrices::default(),
    );
    assert!(!found.is_empty());
    for &i in &found {
        let t = &catalog.types[i];
        assert!(t.memory_gib / f64::from(t.vcpu) >= 16.0, "{}", t.name);
        assert!(
            t.family.starts_with(['x', 'u', 'r'])
                || t.family.contains("7")
                || t.family.contains("8"),
            "{}",
            t.name
        );
    }
    let by_ratio = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &TableQuery::default(),
        Some((Column::GibPerVcpu, SortDirection::Descending)),
        &RowPrices::default(),
    );
    let ratio = |i: usize| Column::GibPerVcpu.number(&catalog.types[i]).unwrap();
    assert!(by_ratio.windows(2).all(|w| ratio(w[0]) >= ratio(w[1])));
    assert!(ratio(by_ratio[0]) >= 32.0, "the x and u types lead");
}

#[test]
fn several_conditions_units_and_text_columns_narrow_together() {
    let (catalog, families) = setup();
    let mut q = query(
        "!metal",
        &[(Column::Memory, ">=1TiB"), (Column::Network, ">=100Gbps")],
    );
    q.texts = vec![(
        Column::Vendor,
        parse_text_query("intel|amd", "Vendor").unwrap().unwrap(),
    )];
    let found = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        None,
        &RowPrices::default(),
    );
    assert!(!found.is_empty());
    for &i in &found {
        let t = &catalog.types[i];
        assert!(
            t.memory_gib >= 1024.0 && t.network.gbps.unwrap() >= 100.0,
            "{}",
            t.name
        );
        assert!(
            !t.name.contains("metal") && t.vendor.label() != "AWS Graviton",
            "{}",
            t.name
        );
    }
    let small = query("", &[(Column::Memory, "<=512MiB")]);
    let tiny = names(
        &catalog,
        &rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &Filter::default()),
            &small,
            None,
            &RowPrices::default(),
        ),
    );
    assert!(tiny.iter().all(|n| n.ends_with(".nano")), "{tiny:?}");
}

#[test]
fn shared_filter_column_filters_and_search_all_narrow_the_rows() {
    let (catalog, families) = setup();
    let everything = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &TableQuery::default(),
        None,
        &RowPrices::default(),
    );
    assert_eq!(everything.len(), catalog.types.len());

    let mut filter = Filter::default();
    filter.hidden_categories.insert(Category::Accelerated);
    filter.current_only = true;
    let shown = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &filter),
        &TableQuery::default(),
        None,
        &RowPrices::default(),
    );
    assert!(shown.iter().all(|&i| {
        let t = &catalog.types[i];
        t.current_generation && t.category != Category::Accelerated
    }));
    assert!(!shown.is_empty() && shown.len() < everything.len());

    let q = query(
        "/^m5\\./",
        &[(Column::Vcpu, "16..64"), (Column::Memory, ">= 128")],
    );
    let found = names(
        &catalog,
        &rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &Filter::default()),
            &q,
            None,
            &RowPrices::default(),
        ),
    );
    assert_eq!(found, ["m5.8xlarge", "m5.12xlarge", "m5.16xlarge"]);

    let q = query("c7gn", &[(Column::Clock, ">100")]);
    assert!(rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        None,
        &RowPrices::default()
    )
    .is_empty());
}

#[test]
fn numbers_sort_numerically_with_missing_values_last_both_ways() {
    let (catalog, families) = setup();
    let q = TableQuery::default();
    for direction in [SortDirection::Ascending, SortDirection::Descending] {
        let sorted = rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &Filter::default()),
            &q,
            Some((Column::Clock, direction)),
            &RowPrices::default(),
        );
        let values: Vec<Option<f64>> = sorted
            .iter()
            .map(|&i| Column::Clock.number(&catalog.types[i]))
            .collect();
        let present = values.iter().take_while(|v| v.is_some()).count();
        assert!(present < values.len(), "some types have no clock");
        assert!(
            values[present..].iter().all(Option::is_none),
            "{direction:?}: missing last"
        );
        let present: Vec<f64> = values[..present].iter().flatten().copied().collect();
        let ordered = present.windows(2).all(|w| match direction {
            SortDirection::Ascending => w[0] <= w[1],
            SortDirection::Descending => w[0] >= w[1],
        });
        assert!(ordered, "{direction:?}");
    }
    let by_memory = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        Some((Column::Memory, SortDirection::Descending)),
        &RowPrices::default(),
    );
    assert_eq!(by_memory[0], index(&catalog, "u7in-32tb.224xlarge"));
}

#[test]
fn name_sorts_by_family_then_size_ladder_and_text_ignores_case() {
    let (catalog, families) = setup();
    let q = query("/^m5\\./", &[]);
    let filter = Filter::default();
    let up = names(
        &catalog,
        &rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &filter),
            &q,
            Some((Column::Name, SortDirection::Ascending)),
            &RowPrices::default(),
        ),
    );
    assert_eq!(up.first().map(String::as_str), Some("m5.large"));
    assert_eq!(&up[..3], ["m5.large", "m5.xlarge", "m5.2xlarge"]);
    let down = names(
        &catalog,
        &rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &filter),
            &q,
            Some((Column::Name, SortDirection::Descending)),
            &RowPrices::default(),
        ),
    );
    assert_eq!(down.iter().rev().cloned().collect::<Vec<_>>(), up);

    let all = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &filter),
        &TableQuery::default(),
        Some((Column::Name, SortDirection::Ascending)),
        &RowPrices::default(),
    );
    let a1 = all
        .iter()
        .position(|&i| catalog.types[i].name == "a1.medium")
        .unwrap();
    let a1_large = all
        .iter()
        .position(|&i| catalog.types[i].name == "a1.large")
        .unwrap();
    assert!(a1 < a1_large);

    let by_vendor = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &filter),
        &TableQuery::default(),
        Some((Column::Vendor, SortDirection::Ascending)),
        &RowPrices::default(),
    );
    let labels: Vec<String> = by_vendor
        .iter()
        .map(|&i| Column::Vendor.text(&catalog.types[i]).to_lowercase())
        .collect();
    assert!(labels.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn sorting_is_stable() {
    let (catalog, families) = setup();
    let q = TableQuery::default();
    let unsorted = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        None,
        &RowPrices::default(),
    );
    let by_gen = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        Some((Column::CurrentGeneration, SortDirection::Ascending)),
        &RowPrices::default(),
    );
    let old: Vec<usize> = unsorted
        .iter()
        .copied()
        .filter(|&i| !catalog.types[i].current_generation)
        .collect();
    assert_eq!(&by_gen[..old.len()], &old[..], "ties keep family order");
}

#[test]
fn a_keystroke_query_with_a_regex_and_a_condition_narrows_and_sorts() {
    let (catalog, families) = setup();
    let q = query("/[0-9]xl/", &[(Column::Vcpu, ">=4")]);
    let r = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        Some((Column::Processor, SortDirection::Descending)),
        &RowPrices::default(),
    );
    assert!(
        !r.is_empty() && r.len() < catalog.types.len(),
        "{}",
        r.len()
    );
    assert!(
        r.iter().all(|&i| catalog.types[i].vcpu >= 4),
        "every row has 4 vCPU or more"
    );
    // Its time per keystroke is measured by `make bench`, not here.
}

#[test]
fn a_full_csv_export_re_imports_with_the_atlas_importer() {
    let (catalog, families) = setup();
    let all = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &TableQuery::default(),
        None,
        &RowPrices::default(),
    );
    let csv = to_csv(&catalog, &all, &Column::ALL, &RowPrices::default());
    assert!(csv.starts_with("Name,Family,Category,vCPU,Memory (GiB),Clock (GHz),"));
    let again = atlas_model::import::load(&csv, Some("atlas.csv")).unwrap();
    assert!(again.skipped().is_empty(), "{:?}", again.skipped().first());
    assert_eq!(again.catalog.types.len(), catalog.types.len());
    for t in &again.catalog.types {
        let was = catalog.get(&t.name).unwrap();
        let same = |c: Column| c.number(t) == c.number(was) && c.text(t) == c.text(was);
        // The API's details (flags, offerings, GPU model, accelerators) are shown but not
        // read back by the importer.
        let carried = |c: &Column| {
            c.price_metric().is_none()
                && !matches!(
                    c,
                    Column::EbsBaseline
                        | Column::GpuModel
                        | Column::GpuFraction
                        | Column::Accelerators
                        | Column::BareMetal
                        | Column::Burstable
                        | Column::Efa
                        | Column::OfferedRegions
                        | Column::OfferedIn
                        | Column::ListedByApi
                )
        };
        for column in Column::ALL.into_iter().filter(carried) {
            assert!(
                same(column),
                "{} {}: {:?} vs {:?}",
                t.name,
                column.slug(),
                column.text(t),
                column.text(was)
            );
        }
    }
}

#[test]
fn csv_quotes_hostile_text_and_defuses_formulas() {
    let (mut catalog, _) = setup();
    let i = index(&catalog, "m5.large");
    let hostile = [
        "Intel, \"Xeon\"\nline two",
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
    ];
    let mut csv_rows = Vec::new();
    for (n, processor) in hostile.iter().enumerate() {
        let mut t = catalog.types[i].clone();
        t.name = format!("m5.hostile{n}");
        t.processor = (*processor).to_owned();
        catalog.types.push(t);
        csv_rows.push(catalog.types.len() - 1);
    }
    let csv = to_csv(
        &catalog,
        &csv_rows,
        &[Column::Name, Column::Processor],
        &RowPrices::default(),
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["Name", "Processor"]);
    let read: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(
        read[0], hostile[0],
        "commas, quotes and newlines survive quoting"
    );
    for (cell, original) in read[1..].iter().zip(&hostile[1..]) {
        assert_eq!(cell, &format!("'{original}"));
    }
}

#[test]
fn markdown_escapes_pipes_and_newlines() {
    let (mut catalog, _) = setup();
    let i = index(&catalog, "m5.large");
    catalog.types[i].processor = "a | b\nc".to_owned();
    let md = to_markdown(
        &catalog,
        &[i],
        &[Column::Name, Column::Vcpu, Column::Processor],
        &RowPrices::default(),
    );
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "| Name | vCPU | Processor |");
    assert_eq!(lines[1], "| --- | ---: | --- |");
    assert_eq!(lines[2], "| m5.large | 2 | a \\| b<br>c |");
    assert_eq!(lines.len(), 3);
}

#[test]
fn price_columns_sort_filter_and_export_in_the_chosen_region() {
    use atlas_model::prices::{Os, PriceTable, Pricing};
    use atlas_model::query::parse_number_query;
    let catalog =
        Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv")).unwrap();
    let families = atlas_model::family::families(&catalog);
    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    let prices = RowPrices::new(&catalog, &pricing);
    let m5 = catalog
        .types
        .iter()
        .position(|t| t.name == "m5.large")
        .unwrap();
    assert_eq!(
        Column::PriceHour.text_at(&catalog.types[m5], prices.hourly(m5)),
        "$0.096"
    );
    assert_eq!(
        Column::PriceMonth.number_at(&catalog.types[m5], prices.hourly(m5)),
        Some(0.096 * 730.0)
    );
    assert_eq!(
        Column::PriceVcpuHour.number_at(&catalog.types[m5], prices.hourly(m5)),
        Some(0.048)
    );

    let cheapest = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &TableQuery::default(),
        Some((Column::PriceHour, SortDirection::Ascending)),
        &prices,
    );
    let first = prices.hourly(cheapest[0]).unwrap();
    assert!(cheapest
        .windows(2)
        .take(50)
        .all(|w| prices.hourly(w[0]) <= prices.hourly(w[1])));
    assert!(
        first < 0.01,
        "the cheapest type is a nano: {}",
        catalog.types[cheapest[0]].name
    );

    let q = TableQuery {
        search: None,
        filters: vec![(
            Column::PriceHour,
            parse_number_query("<0.05").unwrap().unwrap(),
        )],
        texts: Vec::new(),
        ..TableQuery::default()
    };
    let cheap = rows(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        &q,
        None,
        &prices,
    );
    assert!(
        !cheap.is_empty()
            && cheap
                .iter()
                .all(|&i| prices.hourly(i).is_some_and(|p| p < 0.05))
    );

    let offered = Filter {
        offered_only: true,
        ..Filter::default()
    };
    let here = rows(
        &catalog,
        &families,
        &atlas_model::shown::shown_types(&catalog, &families, &offered, Some("us-east-1")),
        &TableQuery::default(),
        None,
        &prices,
    );
    // "Offered there only" follows the region's offerings, not whether a price is known.
    let offered_here = |i: usize| {
        atlas_model::availability::offered(&catalog.types[i], prices.region().unwrap())
            != atlas_model::availability::Offered::No
    };
    assert!(here.len() < catalog.types.len() && here.iter().all(|&i| offered_here(i)));
    let unpriced = here.iter().filter(|&&i| prices.hourly(i).is_none()).count();
    assert!(unpriced > 100, "offered but unpriced: {unpriced}");
    let m5_xlarge = catalog
        .types
        .iter()
        .position(|t| t.name == "m5.xlarge")
        .unwrap();
    assert!(
        here.contains(&m5_xlarge),
        "offered in the region, 0.0 in the price list"
    );

    let csv = to_csv(&catalog, &[m5], &[Column::Name, Column::PriceHour], &prices);
    assert_eq!(csv, "Name,Price ($/h)\nm5.large,0.096\n");
}

#[test]
fn clear_all_filters_resets_every_filter_and_keeps_the_rest() {
    use atlas_model::state::{State, View};
    use atlas_model::table::clear_all_filters;
    let mut state = State {
        view: View::Table,
        ..State::default()
    };
    state.filter.hidden_categories.insert(Category::Memory);
    state.filter.current_only = true;
    state.table.search = "m5".to_owned();
    state.table.filters.insert(Column::Vcpu, ">=8".to_owned());
    state.table.columns.push(Column::GibPerVcpu);
    state.table.sort = Some((Column::Vcpu, SortDirection::Descending));
    state.pinned.push("m5.large".to_owned());
    let cleared = clear_all_filters(&state);
    assert_eq!(cleared.filter, Filter::default());
    assert!(cleared.table.search.is_empty() && cleared.table.filters.is_empty());
    assert_eq!(cleared.table.columns, state.table.columns);
    assert_eq!(cleared.table.sort, state.table.sort);
    assert_eq!(
        (cleared.view, &cleared.pinned),
        (View::Table, &state.pinned)
    );
}
