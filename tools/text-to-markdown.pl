#!/usr/bin/perl
# text-to-markdown.pl: a plain-text plan (one paragraph per line) as pandoc
# markdown that keeps every line a paragraph with its text untouched, for
# tools/make-format-fixtures.sh.
#
# Every non-empty line becomes a paragraph; markdown syntax inside it is
# backslash-escaped so "*", "_", "#", "|", "<" ... stay text. A leading list
# marker ("I.", "1.", "a)", "-", "*") is kept unescaped and the paragraphs are
# nested under it, so pandoc writes real automatic numbering (Word numbering
# with several levels, HTML <ol type=...>), the harder case for the readers:
#   - a marker class already open (Roman, Arabic, letter, bullet) closes the
#     deeper ones: its item is a sibling; a new class opens a child level;
#   - an item whose number does not follow the previous one ("đ)" is not a
#     Word letter, so "e)" comes after "d)"; "g)" after "e)") starts a new list
#     with that start number instead of being renumbered by pandoc;
#   - a letter list that would start at "c)", "d)", "i)" ... (read by pandoc
#     as Roman numerals) keeps its letters typed out;
#   - a line without marker continues the deepest open item, unless it has no
#     lower-case letter (a title such as "PHỤ LỤC"), which closes every list.
# Usage: perl text-to-markdown.pl < plan.txt > plan.md
use strict;
use warnings;
use utf8;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';

my %roman = (I => 1, V => 5, X => 10, L => 50, C => 100);
sub roman_value {
  my ($text, $total, $previous) = (shift, 0, 0);
  for my $digit (reverse split //, $text) {
    my $value = $roman{$digit};
    $total += $value < $previous ? -$value : $value;
    $previous = $value if $value > $previous;
  }
  return $total;
}

# (class, value, marker) of a leading list marker, or () when there is none.
sub marker_of {
  my ($line) = @_;
  return ('roman', roman_value($1), "$1.") if $line =~ /^([IVXLC]{1,6})\.\s/;
  return ('arabic', $1 + 0, "$1.") if $line =~ /^(\d{1,2})\.\s/;
  return ('letter', ord($1) - ord('a') + 1, "$1)") if $line =~ /^([a-z])\)\s/;
  return ('bullet', 0, $1) if $line =~ /^([-*+])\s/;
  return ();
}

sub escaped {
  my ($text) = @_;
  $text =~ s/([\\`*_\[\]<>#|\$~^\@{}!&=:+"'()-])/\\$1/g;
  return $text;
}

my @open;  # open list levels: {class, value, content column}
while (my $line = <STDIN>) {
  $line =~ s/\r?\n\z//;
  $line =~ s/^\s+|\s+$//g;
  next if $line eq '';
  my ($class, $value, $marker) = marker_of($line);
  if (!defined $class) {
    @open = () unless $line =~ /\p{Ll}/;
    my $indent = @open ? $open[-1]{column} : 0;
    print ' ' x $indent, escaped($line), "\n\n";
    next;
  }
  my $text = substr($line, length $marker);
  $text =~ s/^\s+//;
  my ($level) = grep { $open[$_]{class} eq $class } 0 .. $#open;
  my $follows = defined $level && ($class eq 'bullet' || $value == $open[$level]{value} + 1);
  my $indent;
  if (defined $level) {
    splice @open, $level + 1;
    $indent = $level ? $open[$level - 1]{column} : 0;
    $open[$level]{value} = $value;
  } else {
    $indent = @open ? $open[-1]{column} : 0;
    push @open, {class => $class, value => $value, typed => 0};
  }
  # Pandoc reads a list that starts at "c)", "d)", "i)" ... as Roman numerals:
  # such an item, and the rest of its list, keep their letters typed out.
  $open[-1]{typed} = 1 if !$follows && $class eq 'letter' && $marker =~ /^[cdilmvx]/;
  if ($open[-1]{typed}) {
    $open[-1]{column} = $indent;
    print ' ' x $indent, escaped($line), "\n\n";
    next;
  }
  # An HTML comment ends a list in pandoc markdown; the next item opens a new one.
  print ' ' x $indent, "<!-- -->\n\n" if defined $level && !$follows;
  # Pandoc wants two spaces after a capital letter and a period ("I.  MỤC ĐÍCH").
  my $gap = $class eq 'roman' ? '  ' : ' ';
  $open[-1]{column} = $indent + length($marker) + length($gap);
  print ' ' x $indent, $marker, $gap, escaped($text), "\n\n";
}
