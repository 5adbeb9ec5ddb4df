"""Language text helpers below every stage: Persian letter folding, Russian lemmas, script tests.

Pure functions over strings, used by extraction (glossing), resolution (name keys) and the store
(search terms); they import no stage.
"""
