use super::*;

#[test]
fn unit_names_lose_prefix_and_postcode() {
    let (name, pc) = split_unit_name("Stembureau Gemeentehuis (maandag) (postcode: 6658 AG)");
    assert_eq!(
        (name.as_str(), pc.as_str()),
        ("Gemeentehuis (maandag)", "6658 AG")
    );
    assert_eq!(station_number("0668::SB121"), Some(121));
    assert_eq!(station_number("0668::XX1"), None);
    assert_eq!(station_number("0668::SB0"), None);
    assert_eq!(station_number("0668::SB1a"), None);
}
