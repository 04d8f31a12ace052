"""`portal new`: record skeletons with the next free id (and document number)."""
