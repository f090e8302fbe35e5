//! Adding up station records into municipal totals, as the municipality's
//! proces-verbaal does.
