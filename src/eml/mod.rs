//! The Kiesraad's EML_NL: 110a (election definition), 110b (polling stations) and
//! 230b (candidate lists) in; 510b (counts) in and out; the OSV "4-3" CSV out.
