//! A file a person loads reads the EC2 API's newer facts as the built-in data does (GPU
//! model, fractional GPUs, accelerators, EBS baseline, storage kind, bare metal, burstable,
//! EFA), and the atlas's own full CSV export loads back with every column it wrote.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_model::catalog::Catalog;
use atlas_model::import::{self, Imported};
use atlas_model::instance::InstanceType;
use atlas_model::prices::{Os, PriceTable, Pricing};
use atlas_model::quantity::StorageKind;
use atlas_model::table::{to_delimited, Column, ExportContext, ExportFormat, RowPrices};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");
const PRICES: &str = include_str!("../../../assets/data/prices-rates.csv");
/// Verbatim moto 5.2.5 records, written by `scripts/refresh-data.py` (`SAMPLE_TYPES`).
const SAMPLE: &str = include_str!("fixtures/describe-instance-types/moto-5.2.5-sample.json");

fn builtin() -> Catalog {
    Catalog::from_csv(DATASET).unwrap()
}

fn load(text: &str, file: &str) -> Imported {
    import::load(text, Some(file)).unwrap_or_else(|e| panic!("{e}"))
}

fn get<'a>(catalog: &'a Catalog, name: &str) -> &'a InstanceType {
    catalog
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn a_loaded_describe_file_reads_the_api_facts_like_the_built_in_data() {
    let (imported, builtin) = (load(SAMPLE, "sample.json"), builtin());
    assert_eq!(imported.catalog.types.len(), 15);
    assert!(imported.catalog.rejected.is_empty());
    for t in &imported.catalog.types {
        let b = get(&builtin, &t.name);
        let name = &t.name;
        assert_eq!(t.vcpu, b.vcpu, "{name}");
        // The built-in CSV writes GiB with three decimals (2861 MiB: 2.794).
        let thousandths = |gib: Option<f64>| gib.map(|g| (g * 1000.0).round());
        assert_eq!(
            thousandths(Some(t.memory_gib)),
            thousandths(Some(b.memory_gib))
        );
        assert_eq!(t.gpus, b.gpus, "{name} GPUs");
        let (memory, expected) = (t.gpu_memory_gib, b.gpu_memory_gib);
        assert_eq!(
            thousandths(memory),
            thousandths(expected),
            "{name} GPU memory"
        );
        assert_eq!(t.storage, b.storage, "{name} storage");
        let mbps = |t: &InstanceType| t.ebs.as_ref().map(|e| e.mbps);
        assert_eq!(mbps(t), mbps(b), "{name} EBS");
        assert_eq!(t.network.gbps, b.network.gbps, "{name} network");
        assert_eq!(t.current_generation, b.current_generation, "{name}");
        let mut details = t.details.clone();
        details.offered = b.details.offered;
        assert_eq!(details, b.details, "{name} details");
    }
    let catalog = &imported.catalog;
    let p5en = get(catalog, "p5en.48xlarge");
    assert_eq!(p5en.gpu_memory_gib, Some(1128.0));
    assert_eq!(p5en.details.gpu_model.as_deref(), Some("NVIDIA H200"));
    assert!(p5en.details.efa);
    let g6f = get(catalog, "g6f.large");
    assert_eq!(g6f.details.gpu_fraction, Some(0.125));
    assert_eq!(g6f.details.gpu_model.as_deref(), Some("NVIDIA L4"));
    let trn2 = get(catalog, "trn2.48xlarge");
    assert_eq!(trn2.details.accelerators, ["16 x AWS Trainium2"]);
    let disks = trn2.storage.as_ref().unwrap();
    assert_eq!((disks.disks, disks.disk_gb), (4, 1900.0));
    assert_eq!(disks.kind, StorageKind::Nvme);
    assert_eq!(
        get(catalog, "c1.medium").storage.as_ref().unwrap().kind,
        StorageKind::Hdd
    );
    assert_eq!(
        get(catalog, "vt1.3xlarge").details.accelerators,
        ["1 x Xilinx U30"]
    );
    assert_eq!(
        get(catalog, "inf1.xlarge").details.accelerators,
        ["1 x AWS Inferentia"]
    );
    let hpc7a = get(catalog, "hpc7a.96xlarge");
    assert_eq!(hpc7a.ebs.as_ref().map(|e| e.mbps), Some(2085.0));
    assert!(hpc7a.details.ebs_baseline_mbps.is_some_and(|b| b < 2085.0));
    assert!(get(catalog, "c7g.metal").details.bare_metal);
    assert!(get(catalog, "t3.micro").details.burstable);
    assert!(!get(catalog, "m5.xlarge").details.burstable);
}

/// Every column of the Table, prices in `region` for Linux, as the Download CSV button writes.
fn export(catalog: &Catalog, table: &PriceTable, region: &str) -> String {
    let pricing = Pricing::new(table, region, Os::Linux);
    let prices = RowPrices::new(catalog, &pricing);
    let rows: Vec<usize> = (0..catalog.types.len()).collect();
    let context = ExportContext {
        region,
        os: Os::Linux,
        price_date: "2025-03-02",
    };
    to_delimited(
        catalog,
        &rows,
        &Column::ALL,
        &prices,
        ExportFormat::Csv,
        &context,
    )
}

#[test]
fn the_full_csv_export_loads_back_with_every_column_it_wrote() {
    let (catalog, table) = (builtin(), PriceTable::parse(PRICES).unwrap());
    let written = export(&catalog, &table, "us-east-1");
    let imported = load(&written, "instance-atlas-us-east-1-linux-2025-03-02.csv");
    assert!(
        imported.catalog.rejected.is_empty(),
        "{:?}",
        imported.catalog.rejected.first()
    );
    assert_eq!(imported.catalog.types.len(), catalog.types.len());
    let again = export(&imported.catalog, &table, "us-east-1");
    let first_difference = written.lines().zip(again.lines()).find(|(a, b)| a != b);
    assert_eq!(first_difference, None);
    assert_eq!(written.lines().count(), again.lines().count());
    // What the export carries reads back as facts, not only as the same text.
    let trn2 = get(&imported.catalog, "trn2.48xlarge");
    assert_eq!(trn2.details.accelerators, ["16 x AWS Trainium2"]);
    let g6f = get(&imported.catalog, "g6f.large");
    assert_eq!(g6f.details.gpu_fraction, Some(0.125));
    let m5 = get(&imported.catalog, "m5.xlarge");
    assert_eq!(
        atlas_model::availability::offered(m5, "us-east-1"),
        atlas_model::availability::Offered::Yes
    );
    let p3 = get(&imported.catalog, "p3.2xlarge");
    assert!(p3.details.retired);
}
