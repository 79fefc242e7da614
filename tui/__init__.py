"""The Textual app of Mötesbok."""
