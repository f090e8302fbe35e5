//! The plausibility column: which stations deserve a second look, as the HCP tool
//! does beside Abacus. Two signals, each against the rest of the municipality so
//! far (every other station with a record; a station is never compared with
//! itself):
//!
//! * **List share.** A list's share of the votes on lists in this station differs
//!   from its share in all other stations together by at least
//!   [`SHARE_FROM_AVERAGE`] percentage points, *and* lies at least [`SHARE_MARGIN`]
//!   points outside the range of its shares in the other stations. The average
//!   alone is not enough: in a municipal election a village's own party takes 60 to
//!   70 % in its village and almost nothing elsewhere (West Maas en Waal 2022: every
//!   one of its 21 stations has a list 20 to 66 points from the municipal average).
//!   A typo or a figure typed in the neighbouring list's box is what lies outside
//!   everything seen so far. Checked only in stations with at least
//!   [`MIN_VOTES`] votes on lists (one vote is 2 points at 50), and once at least
//!   [`MIN_OTHERS`] other stations are in.
//! * **Turnout.** D against the station's kiesgerechtigden (from the 110b or 510b,
//!   where known and not 0) is less than half, or more than twice, the turnout of
//!   the other stations whose kiesgerechtigden are known (at least [`MIN_OTHERS`]
//!   of them). Not a tighter band: a voter may vote at any station of the
//!   municipality with a stempas, so a station's turnout against its own register
//!   varies widely (15 to 63 % in West Maas en Waal 2022).
//!
//! Pure arithmetic on the figures; the words live in the interface and the CLI.

/// Percentage points from the average of the other stations.
pub const SHARE_FROM_AVERAGE: f64 = 15.0;
/// Percentage points outside the range of the other stations' shares.
pub const SHARE_MARGIN: f64 = 10.0;
/// Fewer votes on lists: the list share is not checked, nor used for the others.
pub const MIN_VOTES: u64 = 50;
/// Fewer other stations: no comparison yet.
pub const MIN_OTHERS: usize = 5;
/// Turnout outside [average / factor, average × factor].
pub const TURNOUT_FACTOR: f64 = 2.0;

/// What one station brings to the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub station: u32,
    /// Votes on lists (E), or the list totals added up when E is empty.
    pub on_lists: u64,
    /// (list number, votes) for every list.
    pub lists: Vec<(u32, u64)>,
    /// D.
    pub admitted: Option<u64>,
    /// Kiesgerechtigden, where known (0 is "not known").
    pub eligible: Option<u64>,
}

/// Why a station is marked for a second look.
#[derive(Debug, Clone, PartialEq)]
pub enum Flag {
    /// A list's share here (percent) against its share in the other stations.
    ListShare { list: u32, here: f64, average: f64 },
    /// The turnout here (percent) against the other stations'.
    Turnout { here: f64, average: f64 },
}

// The percentages are never NaN ([`percent`] of nothing is 0), so equality is an
// equivalence and the interface's messages, which carry a board, can be `Eq`.
impl Eq for Flag {}

/// Per list: the sum of votes and of votes on lists over the stations used, and
/// the two highest and two lowest shares (to leave one station out).
#[derive(Default, Clone)]
struct ListStats {
    votes: u64,
    highest: [Option<(f64, u32)>; 2],
    lowest: [Option<(f64, u32)>; 2],
}

impl ListStats {
    fn add(&mut self, station: u32, votes: u64, share: f64) {
        self.votes += votes;
        let entry = Some((share, station));
        if self.highest[0].is_none_or(|(s, _)| share > s) {
            self.highest = [entry, self.highest[0]];
        } else if self.highest[1].is_none_or(|(s, _)| share > s) {
            self.highest[1] = entry;
        }
        if self.lowest[0].is_none_or(|(s, _)| share < s) {
            self.lowest = [entry, self.lowest[0]];
        } else if self.lowest[1].is_none_or(|(s, _)| share < s) {
            self.lowest[1] = entry;
        }
    }

    /// The highest and lowest share among the stations other than `station`.
    fn range_without(&self, station: u32) -> Option<(f64, f64)> {
        let pick = |two: &[Option<(f64, u32)>; 2]| {
            two.iter()
                .flatten()
                .find(|(_, s)| *s != station)
                .map(|(share, _)| *share)
        };
        Some((pick(&self.lowest)?, pick(&self.highest)?))
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The flags of every station, in the order of `stations`.
pub fn flags(stations: &[Figures]) -> Vec<Vec<Flag>> {
    let checked = |f: &Figures| f.on_lists >= MIN_VOTES;
    let used = stations.iter().filter(|f| checked(f)).count();
    let mut on_lists_total = 0u64;
    let mut lists: std::collections::BTreeMap<u32, ListStats> = Default::default();
    for f in stations.iter().filter(|f| checked(f)) {
        on_lists_total += f.on_lists;
        for &(list, votes) in &f.lists {
            lists
                .entry(list)
                .or_default()
                .add(f.station, votes, percent(votes, f.on_lists));
        }
    }
    let known = |f: &Figures| f.eligible.filter(|e| *e > 0).zip(f.admitted);
    let turnout_known = stations.iter().filter(|f| known(f).is_some()).count();
    let (eligible_total, admitted_total) = stations
        .iter()
        .filter_map(known)
        .fold((0u64, 0u64), |(e, a), (fe, fa)| (e + fe, a + fa));

    stations
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            if checked(f) && used > MIN_OTHERS {
                let others_on_lists = on_lists_total - f.on_lists;
                for &(list, votes) in &f.lists {
                    let Some(stats) = lists.get(&list) else {
                        continue;
                    };
                    let here = percent(votes, f.on_lists);
                    let average = percent(stats.votes - votes, others_on_lists);
                    let Some((low, high)) = stats.range_without(f.station) else {
                        continue;
                    };
                    if (here - average).abs() >= SHARE_FROM_AVERAGE
                        && (here >= high + SHARE_MARGIN || here <= low - SHARE_MARGIN)
                    {
                        out.push(Flag::ListShare {
                            list,
                            here,
                            average,
                        });
                    }
                }
            }
            if let Some((eligible, admitted)) = known(f)
                && turnout_known > MIN_OTHERS
            {
                let here = percent(admitted, eligible);
                let average = percent(admitted_total - admitted, eligible_total - eligible);
                if here < average / TURNOUT_FACTOR || here > average * TURNOUT_FACTOR {
                    out.push(Flag::Turnout { here, average });
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten stations of 500 votes: list 1 about 40 %, list 2 the rest.
    fn municipality() -> Vec<Figures> {
        (1..=10)
            .map(|station| {
                let one = 190 + 2 * u64::from(station);
                Figures {
                    station,
                    on_lists: 500,
                    lists: vec![(1, one), (2, 500 - one)],
                    admitted: Some(505),
                    eligible: Some(1000),
                }
            })
            .collect()
    }

    #[test]
    fn a_municipality_in_line_has_nothing_to_look_at_twice() {
        assert!(flags(&municipality()).iter().all(Vec::is_empty));
    }

    #[test]
    fn a_list_total_typed_in_the_neighbouring_box_is_marked() {
        let mut stations = municipality();
        // Station 4: list 1's 198 and list 2's 302 swapped.
        stations[3].lists = vec![(1, 302), (2, 198)];
        let found = flags(&stations);
        assert!(matches!(
            found[3][..],
            [
                Flag::ListShare { list: 1, .. },
                Flag::ListShare { list: 2, .. }
            ]
        ));
        if let Flag::ListShare { here, average, .. } = found[3][0] {
            assert!((here - 60.4).abs() < 0.01 && (average - 40.2).abs() < 0.5);
        }
        assert!(
            found
                .iter()
                .enumerate()
                .all(|(i, f)| i == 3 || f.is_empty())
        );
    }

    #[test]
    fn a_share_far_from_the_average_but_within_what_other_stations_show_is_not_marked() {
        // A village party: 65 % in stations 1 and 2, 5 % elsewhere.
        let mut stations = municipality();
        for (i, f) in stations.iter_mut().enumerate() {
            let village = if i < 2 { 325 } else { 25 };
            f.lists = vec![(1, village), (2, 500 - village)];
        }
        assert!(flags(&stations).iter().all(Vec::is_empty));
        // The only station of its village is out of line with everything else.
        stations[1].lists = vec![(1, 25), (2, 475)];
        let found = flags(&stations);
        assert!(!found[0].is_empty());
    }

    #[test]
    fn turnout_below_half_or_above_twice_the_rest_is_marked_where_known() {
        let mut stations = municipality();
        stations[2].admitted = Some(240); // 24 % against 50 %
        stations[5].admitted = Some(900); // 90 %: below twice the others' 47 %
        stations[7].eligible = Some(0); // not known
        stations[7].admitted = Some(5);
        let found = flags(&stations);
        assert!(matches!(found[2][..], [Flag::Turnout { .. }]));
        assert!(found[5].is_empty() && found[7].is_empty());
    }

    #[test]
    fn nothing_is_compared_before_enough_stations_are_in_or_in_a_small_station() {
        let mut stations = municipality();
        stations.truncate(MIN_OTHERS);
        stations[0].lists = vec![(1, 480), (2, 20)];
        stations[0].admitted = Some(10);
        assert!(flags(&stations).iter().all(Vec::is_empty));
        let mut stations = municipality();
        stations[0].on_lists = 40;
        stations[0].lists = vec![(1, 40), (2, 0)];
        assert!(
            flags(&stations)[0].is_empty(),
            "40 votes: one vote is 2.5 points"
        );
    }
}
