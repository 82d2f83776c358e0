"""Item analysis: how a class answered a bank's questions, from learners' progress exports.

:mod:`~studykit.analysis.exports` reads the exports (learners anonymous, repeats merged),
:mod:`~studykit.analysis.items` computes the statistics, :mod:`~studykit.analysis.report` prints them.
"""
