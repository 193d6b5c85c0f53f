# Cython declarations for quotes.py (used only when the module is compiled; see hatch_build.py).
# quotes.py stays plain Python: this file adds C types to its functions, variables and classes.
import cython
from reader.core.detect.figures cimport _Chars, _char, _chars, _next_space

cdef frozenset _ROLE_FIRST_RUNS, _PRONOUNS
cdef dict _NAME_PARTS

# the lexicon's tables, bound once (a module attribute look-up per use cost ~100 instructions)
cdef dict ROLE_NOUNS
cdef set BODY_NOUNS, COMMON, CUE_VERBS, PARTICIPLE_CUES, TITLES

cdef str _OPEN_BEFORE, _SINGLE_OPEN_AFTER, _HSPACE, _CLOSING_MARKS
cdef frozenset _ABBR_CHARS, _INTRO_SET
cdef bytes _INTRO_PREFIX_TABLE, _INTRO_HASH_BITS, _CUE_HASH_BITS
cdef Py_ssize_t _INTRO_SHORTEST, _INTRO_LONGEST

@cython.locals(out=list, resume=Py_ssize_t, run=Py_ssize_t, first=Py_UCS4, i=Py_ssize_t, k=Py_ssize_t, n=Py_ssize_t,
               ch=Py_UCS4, prefix_table=cython.p_uchar, intro_bits=cython.p_uchar, h=Py_ssize_t, cs=_Chars)
cpdef list _intro_scan(str t)
cdef frozenset _CUE_WORDS
cdef dict _CUE_PAIRS
cdef Py_ssize_t _CUE_LONGEST

cpdef list _cues(str s, Py_ssize_t endpos)

@cython.locals(n=Py_ssize_t, x=Py_ssize_t, r=Py_ssize_t, k=Py_ssize_t, end=Py_ssize_t, ch=Py_UCS4, w=str, second=str,
               out=list, cue_bits=cython.p_uchar, h=Py_ssize_t, cs=_Chars)
cpdef list _cue_words(str s, Py_ssize_t endpos)

cdef class Q:
    cdef public Py_ssize_t s, e
    cdef public object speaker, sp_s, sp_e, cue, partial

@cython.locals(q=Q)
cpdef Q _q(Py_ssize_t s, Py_ssize_t e)

cdef class Mention:
    cdef public Py_ssize_t s, e
    cdef public object kind, text, role, mods, person

@cython.locals(x=Mention)
cpdef Mention _mention(Py_ssize_t s, Py_ssize_t e, object kind, object text=*, object role=*, object mods=*,
                       object person=*)

@cython.locals(parts=object)
cpdef tuple _name_parts(str raw)
@cython.locals(words=list, pos=list, k=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, h=Py_ssize_t, t=str, lw=str, lastw=str,
               name=str, core=list, cpos=list, roles=list, mods=list, low_last=str)
cpdef tuple _read_name_parts(str raw)
@cython.locals(w=str, lw=str)
cpdef bint _all_titles_or_roles(list words)

cdef class Tracker:
    cdef public str text
    cdef public list quotes, qstarts
    cdef public object _role_name_intros, _appositive_intros, _pending, _intros_by_class, last_speaker
    cdef public dict _heads
    cdef public Py_ssize_t _intros_upto

    @cython.locals(new=list, by_class=dict, entry=tuple)
    cpdef _read_intros(self, Py_ssize_t before)
    @cython.locals(best_score=double, score=double, pos=Py_ssize_t, i=Py_ssize_t, positions=list, intros=list,
                   entry=tuple)
    cpdef tuple resolve_role(self, Mention m, Py_ssize_t before)
    @cython.locals(a=Py_ssize_t, win=str, seg_a=Py_ssize_t, seg_b=Py_ssize_t)
    cpdef tuple resolve_pronoun(self, Py_ssize_t before, Py_ssize_t floor)
    @cython.locals(x=Mention)
    cpdef tuple _head_person(self, str head, Py_ssize_t base, Py_ssize_t before)
    @cython.locals(x=Mention, key=tuple)
    cpdef Mention _head_name(self, str head, Py_ssize_t base)
    @cython.locals(t=str, k=Py_ssize_t, i=Py_ssize_t, s0=Py_ssize_t, e0=Py_ssize_t, q=Q, parts=list, quotes=list)
    cpdef str _without_quotes(self, Py_ssize_t a, Py_ssize_t b)
    @cython.locals(t=str, last=str, a=Py_ssize_t, size=Py_ssize_t, last_is_word=bint, consumed=Py_ssize_t,
                   o=Py_ssize_t, e=Py_ssize_t, boundary=bint, j=Py_ssize_t, k=Py_ssize_t, p=Py_ssize_t, w=str)
    cpdef bint _known_person(self, str name, Py_ssize_t before)
    cpdef tuple resolve(self, Mention m, Py_ssize_t before, Py_ssize_t floor=*)

@cython.locals(i=str)
cpdef bint _initials_in(list initials, set caps)

@cython.locals(ch=Py_UCS4, p=Py_UCS4, q=Py_UCS4, p_open=bint, q_space=bint)
cpdef int _kind(str text, Py_ssize_t i, Py_ssize_t n)

@cython.locals(n=Py_ssize_t, o=Py_ssize_t)
cpdef list _single_openers(str text)

@cython.locals(n=Py_ssize_t, open_at=Py_ssize_t, depth=Py_ssize_t, i=Py_ssize_t, pos=Py_ssize_t, k=Py_ssize_t,
               seg_nl=Py_ssize_t)
cpdef list find_quotes(str text)

@cython.locals(le=Py_ssize_t, j=Py_ssize_t, e=Py_ssize_t)
cpdef _unclosed(str text, Py_ssize_t open_at, list out, Py_ssize_t nxt)

cpdef Py_ssize_t _start_of(Q q)

@cython.locals(el=str)
cpdef bint _is_elision(str low)

cpdef Py_ssize_t _first_found(Py_ssize_t j1, Py_ssize_t j2) noexcept
@cython.locals(n=Py_ssize_t, di=Py_ssize_t, last_end=Py_ssize_t, o=Py_ssize_t, lim=Py_ssize_t, le=Py_ssize_t,
               j=Py_ssize_t, close=Py_ssize_t, fallback=Py_ssize_t, j1=Py_ssize_t, j2=Py_ssize_t, c=Py_ssize_t,
               pch=Py_UCS4, nch=Py_UCS4, rest=str, low=str, q=Q, dq=Q, nd=Py_ssize_t)
cpdef list _singles(str text, list doubles)

cdef bint _is_word(Py_UCS4 ch)
cdef bint _is_name_char(Py_UCS4 ch)
cdef frozenset _NAME_PARTICLES
cpdef list _names(str win)
@cython.locals(out=list, n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, r=Py_ssize_t, start=Py_ssize_t,
               ch=Py_UCS4, cs=_Chars)
cpdef list _name_scan(str win)
@cython.locals(n=Py_ssize_t, ch=Py_UCS4, cs=_Chars)
cpdef Py_ssize_t _name_chars_end(str win, Py_ssize_t i)
cdef dict _ROLE_LONGER
cdef bytes _ROLE_HASH_BITS
cdef frozenset _ROLE_SET
cpdef list _roles(str win, Py_ssize_t limit=*)
@cython.locals(out=list, n=Py_ssize_t, p=Py_ssize_t, q=Py_ssize_t, k=Py_ssize_t, r=Py_ssize_t, e=Py_ssize_t,
               mods_at=Py_ssize_t, count=Py_ssize_t, ch=Py_UCS4, low=str, rest=str, run=str, w=str, found=tuple, cs=_Chars,
               role_bits=cython.p_uchar, h=Py_ssize_t, stop=Py_ssize_t)
cpdef list _role_scan(str win, Py_ssize_t limit=*)
@cython.locals(n=Py_ssize_t, c=Py_UCS4, a=Py_UCS4, b=Py_UCS4, cs=_Chars, ok=bint)
cdef Py_ssize_t _determiner_end(str win, Py_ssize_t p)
cdef bint _is_blank(Py_UCS4 ch)
cpdef bint _may_hold_pronoun(str win)
cpdef str _words_at_end(str head)
@cython.locals(cs=_Chars, n=Py_ssize_t, i=Py_ssize_t, ch=Py_UCS4)
cpdef Py_ssize_t _post_lead_end(str post)
@cython.locals(n=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, k=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t,
               first_cap=Py_ssize_t, ch=Py_UCS4, cs=_Chars)
cpdef str _words_at_end_scan(str head)
cpdef list _pronouns(str win, Py_ssize_t limit=*)
@cython.locals(out=list, run=Py_ssize_t, i=Py_ssize_t, ch=Py_UCS4, cs=_Chars)
cpdef list _pronoun_scan(str win, Py_ssize_t limit=*)
@cython.locals(c=Py_UCS4)
cdef bint _is_pronoun(_Chars cs, Py_ssize_t a, Py_ssize_t k)
@cython.locals(tok=str, k=Py_ssize_t, n=Py_ssize_t)
cpdef bint _may_hold_role(str win)

cpdef tuple _mention_order(Mention x)

cdef frozenset _NOT_ROLE_MODIFIERS

@cython.locals(a=Py_ssize_t, e=Py_ssize_t, s=Py_ssize_t, out=list, prons=list, roles=list,
               x0=Py_ssize_t, x1=Py_ssize_t, mod_words=str, role=str)
cpdef list mentions(str win, Py_ssize_t base)

cdef bint _has_any(tuple words, frozenset among)

@cython.locals(a=Py_ssize_t, e=Py_ssize_t, out=list)
cpdef list _pron_mentions(str win, Py_ssize_t base, Py_ssize_t limit)

@cython.locals(x0=Py_ssize_t, x1=Py_ssize_t, mod_words=str, role=str, out=list)
cpdef list _role_mentions(str win, Py_ssize_t base, Py_ssize_t limit)

cdef dict _LAST_UNCOMMON
@cython.locals(uncommon=object)
cpdef bint _decides(Mention x)

@cython.locals(x=Mention)
cpdef Mention _first_deciding(list ms)

@cython.locals(names=list, n=Py_ssize_t, limit=Py_ssize_t, x0=Py_ssize_t, x1=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t,
               x=Mention, prons=list, roles=list, ms=list, last=Py_ssize_t, k=Py_ssize_t)
cpdef Mention _head_subject(str head, Py_ssize_t base)

@cython.locals(res=list, last=Mention, x=Mention, y=Mention, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t,
               ni=Py_ssize_t, nj=Py_ssize_t, nk=Py_ssize_t, src=int)
cpdef list _in_order(list names, list prons, list roles)

@cython.locals(out=list, n=Py_ssize_t, dot=Py_ssize_t, bang=Py_ssize_t, ask=Py_ssize_t, nl=Py_ssize_t, nxt=Py_ssize_t,
               t=Py_ssize_t, k=Py_ssize_t)
cpdef list _sentence_heads_backwards(str win)

@cython.locals(k=Py_ssize_t, cs=_Chars, ch=Py_UCS4, has_dot=bint)
cpdef bint _abbrev_before(str text, Py_ssize_t dot)

@cython.locals(lo=Py_ssize_t, nl=Py_ssize_t)
cpdef Py_ssize_t _sentence_start(str text, Py_ssize_t i, Py_ssize_t floor)

@cython.locals(p=Py_ssize_t, q=Py_ssize_t, r=Py_ssize_t, ch=Py_UCS4, cs=_Chars)
cpdef Py_ssize_t _sentence_start_scan(str text, Py_ssize_t lo, Py_ssize_t i)

@cython.locals(pos=Py_ssize_t)
cpdef Py_ssize_t _sentence_end(str text, Py_ssize_t i, Py_ssize_t cap)

@cython.locals(p=Py_ssize_t, q=Py_ssize_t, ch=Py_UCS4, cs=_Chars, nxt=Py_UCS4)
cpdef Py_ssize_t _sentence_end_scan(str text, Py_ssize_t i, Py_ssize_t cap)

@cython.locals(qi=Py_ssize_t, o=Py_ssize_t, c=Py_ssize_t, floor=Py_ssize_t, ss=Py_ssize_t, se=Py_ssize_t,
               nxt_open=Py_ssize_t, j=Py_ssize_t, ls=Py_ssize_t, q=Q, prev_q=Q, pre=str, post=str, stripped=str,
               last=str, first=str, lastword=str, gap=str, tr=Tracker)
cpdef attribute(str text, list quotes)

@cython.locals(j=Py_ssize_t, s0=Py_ssize_t, e0=Py_ssize_t, k=Py_ssize_t, qq=Q, seg=str)
cpdef str _masked(str text, Py_ssize_t a, Py_ssize_t b, list quotes, Py_ssize_t qi)

@cython.locals(j=Py_ssize_t, k=Py_ssize_t, w=str)
cpdef bint _eligible(Mention m, str text)

@cython.locals(i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, cand=Mention, gap=str)
cpdef Mention _subject_before(list ms, str text, Py_ssize_t cue_at)

@cython.locals(k=Py_ssize_t, m=Mention)
cpdef Py_ssize_t _last_eligible(list ms, str text, Py_ssize_t upto, Py_ssize_t end)

@cython.locals(m=Mention)
cpdef bint _covered(list ms, Py_ssize_t at)

@cython.locals(lead=Py_ssize_t, at=Py_ssize_t, body=str, head=str, cue=str, pick=Mention, m=Mention, cm=tuple, c=tuple,
               cues=list, cue_s=Py_ssize_t, cue_e=Py_ssize_t, kept=list, before=list, after=list)
cpdef bint _post_attr(Tracker tr, str text, str post, Py_ssize_t base, Q q)

@cython.locals(w=str)
cpdef bint _has_non_subject_word(list words)

@cython.locals(cue=str, pick=Mention, m=Mention, subj=Mention, cm=tuple, cues=list, cue_s=Py_ssize_t, before=list)
cpdef bint _pre_attr(Tracker tr, str text, str pre, Py_ssize_t base, Q q)

cpdef Py_ssize_t _leading_end(str pre)

@cython.locals(cs=_Chars, n=Py_ssize_t, i=Py_ssize_t, p=Py_ssize_t, c=Py_ssize_t, ch=Py_UCS4)
cpdef Py_ssize_t _leading_scan(str pre)

@cython.locals(end=Py_ssize_t)
cpdef bint _in_leading(str pre, Py_ssize_t off)

@cython.locals(lead_end=Py_ssize_t, x=Mention)
cpdef Mention _subject(list ms, str pre, Py_ssize_t base)

@cython.locals(w=str, g=str)
cpdef bint _short_gap(str gap)

cpdef bint _has_verb_after(str pre, Py_ssize_t off)
