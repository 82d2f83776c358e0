"""Sessions without a terminal: drawing, scoring, exam blueprint and scaled score, review scheduling."""
