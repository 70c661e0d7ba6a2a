//! The JSON Lines export is the loader's own format: written out with the seeds and manifest, it
//! loads back into the same dataset.

use std::path::PathBuf;

#[test]
fn the_embedded_data_round_trips_through_json_lines() {
    let ds = syriatalks::embedded();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("syriatalks-tables-jsonl");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data/seeds");
    for e in std::fs::read_dir(&seeds).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), dir.join("seeds").join(e.file_name())).unwrap();
        }
    }
    let file = std::fs::File::create(dir.join("records.jsonl")).unwrap();
    let n = syriatalks_tables::write_jsonl(ds.records(), std::io::BufWriter::new(file)).unwrap();
    assert_eq!(n, ds.records().count());
    let text = std::fs::read_to_string(dir.join("records.jsonl")).unwrap();
    for line in text.lines() {
        assert!(line.starts_with("{\"type\":"), "{line}");
        for computed in [
            "\"span\":",
            "\"cited\":",
            "\"sha256\":",
            "\"plover\":",
            "\"best\":",
        ] {
            assert!(!line.contains(computed), "{computed} in {line}");
        }
    }
    let back = syriatalks::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.counts(), ds.counts());
    // The data version belongs to the embedded build, not to a folder's records.
    let without_version = |d: &syriatalks::Dataset| {
        let mut v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        v.as_object_mut().unwrap().remove("data_version");
        serde_json::to_string_pretty(&v).unwrap()
    };
    let (a, b) = (without_version(&back), without_version(ds));
    if let Some(i) = a.bytes().zip(b.bytes()).position(|(x, y)| x != y) {
        let at = |s: &str| s[i.saturating_sub(1500)..(i + 300).min(s.len())].to_string();
        panic!("the loaded dataset differs:\n{}\n---\n{}", at(&a), at(&b));
    }
    assert_eq!(a.len(), b.len());
}

/// Coordinates come back bit for bit: serde_json's default float parser can be one unit in the
/// last place off (10.938711676632721 read back as 10.93871167663272), which the workspace's
/// `float_roundtrip` feature turns off.
#[test]
fn full_precision_coordinates_round_trip_exactly() {
    let seed = "A place.\n";
    let mut records = String::from(
        "[[source]]\nid = \"s\"\nfile = \"a.txt\"\ntitle = { value = \"A place.\", basis = \"stated\" }\n",
    );
    // A deterministic spread of full-precision values over the valid ranges.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut coords = Vec::new();
    for i in 0..500 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let lat = (x >> 11) as f64 / (1u64 << 53) as f64 * 180.0 - 90.0;
        let lon = (x.rotate_left(17) >> 11) as f64 / (1u64 << 53) as f64 * 360.0 - 180.0;
        let (lat, lon) = if i == 0 {
            (10.938711676632721, 36.20)
        } else {
            (lat, lon)
        };
        coords.push((lat, lon));
        records.push_str(&format!(
            "\n[[place]]\nid = \"p{i}\"\nkind = \"city\"\nname = \"P{i}\"\nlatitude = {lat:?}\nlongitude = {lon:?}\nlocation_precision = \"exact\"\nevidence = [{{ source = \"s\", quote = \"A place.\" }}]\n"
        ));
    }
    // The manifest from the loader's own writer (no checksum typed by hand).
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("jsonl-coords");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), seed).unwrap();
    let m = syriatalks::manifest_for(&dir).unwrap();
    let load = |name: &str, text: &str| {
        syriatalks::from_parts(&[(name, text)], &[("a.txt", seed.as_bytes())], Some(&m))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let ds = load("records.toml", &records);
    let mut lines = Vec::new();
    syriatalks_tables::write_jsonl(ds.records(), &mut lines).unwrap();
    let back = load("records.jsonl", &String::from_utf8(lines).unwrap());
    for (i, &(lat, lon)) in coords.iter().enumerate() {
        let p = back.place(&format!("p{i}")).expect("the place");
        assert_eq!(p.latitude.map(f64::to_bits), Some(lat.to_bits()), "p{i}");
        assert_eq!(p.longitude.map(f64::to_bits), Some(lon.to_bits()), "p{i}");
    }
}
