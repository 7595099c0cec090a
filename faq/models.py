# FAQ entries arrive with issue #3.
