"""Pure domain rules: dates and recurrence, derived status, name folding. No I/O here."""
