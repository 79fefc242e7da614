"""The meeting and its rules: model, attendance, dates, standing items, series
carry-over, action rows, text limits. Pure: no files, no store."""
