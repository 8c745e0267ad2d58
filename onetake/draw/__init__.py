"""The drawing toolkit every stage may use: colour maths, typefaces, word-level text layout, easing."""
