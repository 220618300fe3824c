"""The database side: from archived responses to documents, claims, measures and the public DB."""
