"""The desk window's parts: the intake form and its field editors, tonight's list, the bars."""
