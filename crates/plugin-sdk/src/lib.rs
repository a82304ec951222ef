//! Write a newsmill stage plugin: implement Stage, add one export line.
