//! The embed page's prices: one region and system per file, judged when written, read back
//! to the very answers the whole table gives, and a damaged file says what is wrong.

mod common;

use atlas_model::prices::{Os, PriceCheck, PriceError, PriceTable};

/// The whole table, judged, as the full atlas holds it.
fn judged() -> (atlas_model::catalog::Catalog, PriceTable) {
    let catalog = common::catalog();
    let mut table = common::prices();
    table.assess(&catalog);
    (catalog, table)
}

#[test]
fn every_region_file_answers_as_the_whole_table() {
    let (catalog, table) = judged();
    let mut suspect = 0;
    let mut checked = 0;
    for region in table.regions() {
        for os in Os::ALL {
            let text = table
                .region_text(region, os)
                .unwrap_or_else(|| panic!("{region} is a column"));
            let mut one = PriceTable::from_region_text(&text)
                .unwrap_or_else(|e| panic!("{region} {os:?} reads back: {e}"));
            one.mark_offerings(&catalog);
            assert_eq!(one.regions(), std::slice::from_ref(region));
            // Every type of the catalogue and one the price list never had.
            for name in catalog
                .types
                .iter()
                .map(|t| t.name.as_str())
                .chain(["zz9.huge"])
            {
                let whole = table.check(name, region, os);
                assert_eq!(
                    one.check(name, region, os),
                    whole,
                    "{name} in {region}, {os:?}"
                );
                suspect += usize::from(matches!(whole, PriceCheck::Suspect(..)));
                checked += 1;
            }
            // Another region is not in the file: it says so rather than guessing.
            assert!(matches!(
                one.check("m5.large", "xx-none-1", os),
                PriceCheck::Unknown(_)
            ));
        }
    }
    assert_eq!(
        suspect,
        atlas_model::prices::SUSPECT_PRICES,
        "every suspicion travels"
    );
    assert!(checked > 200_000, "{checked} cells compared");
}

#[test]
fn a_region_file_is_small() {
    let (_, table) = judged();
    let biggest = table
        .regions()
        .iter()
        .flat_map(|r| Os::ALL.map(|os| table.region_text(r, os).map_or(0, |t| t.len())))
        .max()
        .unwrap_or(0);
    // Some 19 KB (about 5.5 KB gzip) for the most offered region: the embed fetches one.
    assert!(biggest < 25_000, "{biggest} bytes");
    assert_eq!(table.region_text("xx-none-1", Os::Linux), None);
    // Every region an address may name has its files, so a valid embed never asks in vain.
    for region in atlas_model::regions::REGIONS {
        assert!(
            table.region_text(region.code, Os::Linux).is_some(),
            "{}",
            region.code
        );
    }
}

#[test]
fn a_damaged_file_says_what_is_wrong() {
    let cases: [(&str, &str); 9] = [
        ("", "empty"),
        (
            "instance_type,os,us-east-1\n",
            "atlas-region-prices 1,<region>,<system>",
        ),
        (
            "atlas-region-prices 2,us-east-1,linux\n",
            "atlas-region-prices 1,<region>,<system>",
        ),
        (
            "atlas-region-prices 1,us-east-1,beos\n",
            "`beos` is not a system",
        ),
        (
            "atlas-region-prices 1,us-east-1,linux\nm5.large,ten\n",
            "line 2, region us-east-1: `ten`",
        ),
        (
            "atlas-region-prices 1,us-east-1,linux\nm5.large,0.096\nm5.large,0.1\n",
            "line 3: `m5.large` is not a new",
        ),
        (
            "atlas-region-prices 1,us-east-1,linux\nm5.large,0.096,=\n",
            "`=` is not a suspicion",
        ),
        (
            "atlas-region-prices 1,us-east-1,linux\nm5.large,0,f10\n",
            "only a known price",
        ),
        (
            "atlas-region-prices 1,us-east-1,linux\nm5.large,0.096,t5:<script>\n",
            "is not a suspicion",
        ),
    ];
    for (text, expected) in cases {
        let error = PriceTable::from_region_text(text).expect_err(text);
        assert!(error.to_string().contains(expected), "{text:?}: {error}");
    }
    let hostile = format!(
        "atlas-region-prices 1,us-east-1,linux\n{},1\n",
        "x".repeat(10_000)
    );
    assert!(
        PriceTable::from_region_text(&hostile).is_ok(),
        "a long name is just a name"
    );
    let long_price = format!(
        "atlas-region-prices 1,us-east-1,linux\nm5.large,{}\n",
        "9".repeat(5_000)
    );
    let message = PriceTable::from_region_text(&long_price)
        .expect_err("too large")
        .to_string();
    assert!(
        message.len() < 300,
        "the message quotes a clipped cell: {message}"
    );
    assert_eq!(
        PriceError::Unavailable("HTTP 404".into()).to_string(),
        "the prices could not be loaded (HTTP 404)"
    );
}
