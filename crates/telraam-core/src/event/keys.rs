//! How boxes and checkboxes are written in an event: by their stable keys ("E.3",
//! "cand.3.7", "box.equal"), as the audit log and the result file name them.

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
