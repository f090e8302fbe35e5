//! How boxes and checkboxes are written in an event: by their stable keys ("E.3",
//! "cand.3.7", "box.equal"), as the audit log and the result file name them.
//! (Keyed enums of the desk, its stages and sources, carry their own serde names.)

pub(super) mod field_key {
    use crate::record::Field;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(field: &Field, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&field.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let key = String::deserialize(d)?;
        Field::parse(&key).ok_or_else(|| D::Error::custom(format!("unknown box {key:?}")))
    }
}

pub(super) mod mark_key {
    use crate::record::Mark;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(mark: &Mark, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(mark.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Mark, D::Error> {
        let key = String::deserialize(d)?;
        Mark::parse(&key).ok_or_else(|| D::Error::custom(format!("unknown checkbox {key:?}")))
    }
}

pub(super) mod target_key {
    use crate::form::Target;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(target: &Target, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&target.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Target, D::Error> {
        let key = String::deserialize(d)?;
        Target::parse(&key).ok_or_else(|| D::Error::custom(format!("unknown box {key:?}")))
    }
}

pub(super) mod target_keys {
    use crate::form::Target;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(targets: &[Target], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(targets.iter().map(|t| t.key()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Target>, D::Error> {
        Vec::<String>::deserialize(d)?
            .into_iter()
            .map(|key| {
                Target::parse(&key).ok_or_else(|| D::Error::custom(format!("unknown box {key:?}")))
            })
            .collect()
    }
}

pub(super) mod optional_target_key {
    use crate::form::Target;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(target: &Option<Target>, s: S) -> Result<S::Ok, S::Error> {
        match target {
            Some(t) => s.serialize_some(&t.key()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Target>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(key) => Target::parse(&key)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("unknown box {key:?}"))),
        }
    }
}
