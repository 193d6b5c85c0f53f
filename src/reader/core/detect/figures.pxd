# Cython declarations for figures.py (used only when the module is compiled; see hatch_build.py).
# figures.py stays plain Python: this file adds C types to its functions, variables and _C.
import cython

# the lexicon's tables, bound once (a module attribute look-up per use cost ~100 instructions)
cdef dict CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_PREFIX, HEDGES, MAGNITUDES, MEASURE_UNITS, MONTHS, ONES, ORDINALS, SCALES, TENS, TIME_UNITS, VAGUE
cdef set COMMON, CURRENCY_CODES, FIRST_NOUNS, HEDGE_FIRST, ORDINAL_NOUNS, TIMEZONES, WEEKDAYS

cdef extern from *:
    """
    typedef struct { int kind; const void *data; } reader_chars;
    static CYTHON_INLINE reader_chars reader_chars_of(PyObject *s) {
        reader_chars cs;
        cs.kind = PyUnicode_KIND(s);
        cs.data = PyUnicode_DATA(s);
        return cs;
    }
    #define reader_char_at(cs, i) PyUnicode_READ((cs).kind, (cs).data, (i))
    /* the first index from i (below n) whose character is not a-z: one loop per string kind */
    static CYTHON_UNUSED Py_ssize_t reader_lower_end(reader_chars cs, Py_ssize_t i, Py_ssize_t n) {
        if (cs.kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *d = (const Py_UCS1 *)cs.data;
            while (i < n && (Py_UCS1)(d[i] - 'a') < 26) i++;
        } else if (cs.kind == PyUnicode_2BYTE_KIND) {
            const Py_UCS2 *d = (const Py_UCS2 *)cs.data;
            while (i < n && (Py_UCS2)(d[i] - 'a') < 26) i++;
        } else {
            const Py_UCS4 *d = (const Py_UCS4 *)cs.data;
            while (i < n && (Py_UCS4)(d[i] - 'a') < 26) i++;
        }
        return i;
    }
    /* the first index from i (below n) whose character is a space, else n */
    static CYTHON_UNUSED Py_ssize_t reader_next_space(reader_chars cs, Py_ssize_t i, Py_ssize_t n) {
        if (cs.kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *d = (const Py_UCS1 *)cs.data;
            while (i < n && d[i] != ' ') i++;
        } else if (cs.kind == PyUnicode_2BYTE_KIND) {
            const Py_UCS2 *d = (const Py_UCS2 *)cs.data;
            while (i < n && d[i] != ' ') i++;
        } else {
            const Py_UCS4 *d = (const Py_UCS4 *)cs.data;
            while (i < n && d[i] != ' ') i++;
        }
        return i;
    }
    """
    # _chars(text) and _char(cs, i) of figures.py: text[i] without a call or a bounds check
    ctypedef struct _Chars "reader_chars":
        pass
    _Chars _chars "reader_chars_of"(str text)
    Py_UCS4 _char "reader_char_at"(_Chars cs, Py_ssize_t i)
    Py_ssize_t _lower_end "reader_lower_end"(_Chars cs, Py_ssize_t i, Py_ssize_t n)
    Py_ssize_t _next_space "reader_next_space"(_Chars cs, Py_ssize_t i, Py_ssize_t n)

cdef str _WS, _SENT_END, _WORD_FIRST, _TOK_SYMBOLS
cdef frozenset _ASCII_LETTERS
cdef frozenset _WORD_SET, _SUFFIX_LOWS
cdef bytes _WORD_PREFIX_TABLE, _WORD_FIRST_TABLE, _WORD_HASH_BITS
cdef Py_ssize_t _WORD_MAX

cdef class _C:
    cdef public Py_ssize_t s, e
    cdef public object type, value, unit, hedge, high
    cdef public long prio

@cython.locals(c=_C)
cpdef _C _c(Py_ssize_t s, Py_ssize_t e, object typ, object value=*, object unit=*, object hedge=*, object high=*,
            long prio=*)

cpdef object _clean(object v)
@cython.locals(g=cython.longlong)
cpdef object _num(str s)
@cython.locals(acc=cython.longlong, digits=Py_ssize_t, group=Py_ssize_t, ch=Py_UCS4)
cpdef long long _grouped_int(str s)

@cython.locals(p=Py_ssize_t, ch=Py_UCS4)
cpdef bint _has_weekday_start(str text, Py_ssize_t lo, Py_ssize_t s)

@cython.locals(j=Py_ssize_t, stop=Py_ssize_t, k=Py_ssize_t, ch=Py_UCS4, w=str, cs=_Chars)
cpdef tuple _prev_word(str text, Py_ssize_t s, Py_ssize_t limit=*)

@cython.locals(j=Py_ssize_t, n=Py_ssize_t, k=Py_ssize_t, cs=_Chars)
cpdef tuple _next_word(str text, Py_ssize_t e, Py_ssize_t limit=*)

@cython.locals(j=Py_ssize_t, cs=_Chars)
cpdef bint _sentence_initial(str text, Py_ssize_t k)

@cython.locals(n=Py_ssize_t, nxt=Py_ssize_t, end=Py_ssize_t, e2=Py_ssize_t, mag_done=bint, spaced=bint,
               tok=str, low=str, sep=object, m=tuple, m4=tuple)
cpdef object _suffix(str text, Py_ssize_t e, object value, bint allow_mag=*, bint is_digit=*)

@cython.locals(k1=Py_ssize_t, k2=Py_ssize_t, k3=Py_ssize_t, w1=str, w2=str, w3=str, l1=str, l2=str, l3=str)
cpdef tuple _hedge_before(str text, Py_ssize_t s)
cdef bytes _HEDGE_LAST_HASH_BITS
@cython.locals(cs=_Chars, j=Py_ssize_t, stop=Py_ssize_t, k=Py_ssize_t, i=Py_ssize_t, ch=Py_UCS4, h=Py_ssize_t,
               c=Py_ssize_t)
cpdef bint _may_end_hedge(str text, Py_ssize_t s)

@cython.locals(j=Py_ssize_t, k=Py_ssize_t, p=Py_ssize_t, cs=_Chars)
cpdef tuple _currency_before(str text, Py_ssize_t s)

@cython.locals(q=Py_ssize_t, p=Py_ssize_t, lo=Py_ssize_t, word=str, x=Py_ssize_t, y=Py_ssize_t, w=str, wd=str, cs=_Chars)
cpdef object _month_before(str text, Py_ssize_t s)

@cython.locals(ends=list, last=Py_UCS4, w0=Py_ssize_t, t1=Py_ssize_t, t2=Py_ssize_t, best_x=Py_ssize_t,
               best_y=Py_ssize_t, y=Py_ssize_t, x=Py_ssize_t, cs=_Chars)
cpdef tuple _month_word_span(str text, Py_ssize_t lo, Py_ssize_t s)

cdef tuple _TWO_DIGITS
cpdef str _pad(object v, Py_ssize_t width)
cpdef str _iso(object y, object mo, object d)
cpdef object _year(str tok)

@cython.locals(used=Py_ssize_t, i=Py_ssize_t, seen=bint)
cpdef tuple _parse_words(list words)

@cython.locals(j=Py_ssize_t, cs=_Chars)
cpdef bint _is_listmarker(str text, Py_ssize_t s, Py_ssize_t e)

@cython.locals(k=Py_ssize_t, w=str, lw=str)
cpdef bint _name_before(str text, Py_ssize_t s)

@cython.locals(n=Py_ssize_t, p=Py_ssize_t, k=Py_ssize_t, start=Py_ssize_t, gl=str)
cpdef _C _digit_candidate(str text, Py_ssize_t s, Py_ssize_t e, str tok)

@cython.locals(n=Py_ssize_t, end=Py_ssize_t)
cpdef _C _clock_candidate(str text, Py_ssize_t start, Py_ssize_t e, str tok)

@cython.locals(n=Py_ssize_t)
cpdef object _ampm_after(str text, Py_ssize_t e, Py_ssize_t s, str tok)

cpdef _C _slash_candidate(str text, Py_ssize_t start, Py_ssize_t s, Py_ssize_t e, str tok)
cpdef _C _dash_candidate(str text, Py_ssize_t start, Py_ssize_t e, str tok)

@cython.locals(n=Py_ssize_t, end=Py_ssize_t, st2=Py_ssize_t, after=Py_ssize_t, hs=Py_ssize_t, cs=Py_ssize_t,
               k=Py_ssize_t, w=str, lw=str)
cpdef _C _number_candidate(str text, Py_ssize_t start, Py_ssize_t s, Py_ssize_t e, str tok)

cpdef _C _dotted_date(Py_ssize_t start, Py_ssize_t e, str tok)

@cython.locals(n=Py_ssize_t, end=Py_ssize_t, st2=Py_ssize_t, k=Py_ssize_t, mam=tuple)
cpdef _C _ordinal_number(str text, Py_ssize_t start, Py_ssize_t s, Py_ssize_t e, object value)

@cython.locals(st2=Py_ssize_t, k=Py_ssize_t)
cpdef _C _year_number(str text, Py_ssize_t start, Py_ssize_t s, Py_ssize_t e, object value)

@cython.locals(e2=Py_ssize_t, st2=Py_ssize_t, mam=tuple)
cpdef _C _day_of_month(str text, Py_ssize_t start, Py_ssize_t s, Py_ssize_t e, object value)

@cython.locals(i=Py_ssize_t)
cpdef list char_positions(str text, str chars)

cpdef list _space_word_hits(str text)

@cython.locals(cs=_Chars, n=Py_ssize_t, p=Py_ssize_t, q=Py_ssize_t, k=Py_ssize_t, ch=Py_UCS4)
cpdef tuple _month_after(str text, Py_ssize_t pos)
@cython.locals(cs=_Chars, n=Py_ssize_t, p=Py_ssize_t, r=Py_ssize_t, y=Py_ssize_t, z=Py_ssize_t, ch=Py_UCS4)
cpdef tuple _year_after(str text, Py_ssize_t pos)
@cython.locals(z=Py_ssize_t)
cdef Py_ssize_t _year_end(_Chars cs, Py_ssize_t y, Py_ssize_t n, Py_UCS4 lo=*, bint more_seps=*)
@cython.locals(ch=Py_UCS4)
cdef bint _word_boundary_after(_Chars cs, Py_ssize_t z, Py_ssize_t n)
@cython.locals(ch=Py_UCS4)
cdef bint _digit_after_sep(_Chars cs, Py_ssize_t z, Py_ssize_t n, bint more_seps)
@cython.locals(cs=_Chars, n=Py_ssize_t, p=Py_ssize_t, r=tuple)
cpdef tuple _month_fwd(str text, Py_ssize_t e)
@cython.locals(ch=Py_UCS4, blank_lead=bint, q=Py_ssize_t, d=Py_ssize_t, k=Py_ssize_t, z=Py_ssize_t, r=Py_ssize_t,
               k2=Py_ssize_t, y=Py_ssize_t)
cdef tuple _month_fwd_at(str text, _Chars cs, Py_ssize_t p, Py_ssize_t n)
@cython.locals(q=Py_ssize_t, r=Py_ssize_t)
cdef Py_ssize_t _blanks_after_comma(_Chars cs, Py_ssize_t p, Py_ssize_t n)
cdef Py_ssize_t _after_of(_Chars cs, Py_ssize_t q, Py_ssize_t n)
@cython.locals(k=Py_ssize_t)
cdef Py_ssize_t _decimals_end(_Chars cs, Py_ssize_t d, Py_ssize_t n, Py_ssize_t limit)
cdef bint _is_ordinal_suffix(Py_UCS4 a, Py_UCS4 b)
cpdef tuple _tok(str text, Py_ssize_t pos)

@cython.locals(n=Py_ssize_t, p=Py_ssize_t, q=Py_ssize_t, ch=Py_UCS4, sep=object, cs=_Chars)
cpdef tuple _tok_read(str text, Py_ssize_t pos)

@cython.locals(n=Py_ssize_t, cs=_Chars)
cpdef Py_ssize_t _digits_end(str text, Py_ssize_t i)

@cython.locals(n=Py_ssize_t, p=Py_ssize_t, cs=_Chars)
cpdef Py_ssize_t _digit_token_end(str text, Py_ssize_t i)

@cython.locals(digit_end=Py_ssize_t, other_digit=bint, run=Py_ssize_t, i=Py_ssize_t, n=Py_ssize_t,
               ch=Py_UCS4, tokens=list, hits=list, w=str, first_table=cython.p_uchar, prefix_table=cython.p_uchar,
               hash_bits=cython.p_uchar, h=Py_ssize_t, cs=_Chars, first=Py_UCS4, k=Py_ssize_t, letters=bint)
cpdef tuple _scan(str text)

@cython.locals(out=list, n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, cs=_Chars)
cpdef list _punct_word_hits(str text)

@cython.locals(n=Py_ssize_t, cs=_Chars)
cpdef Py_ssize_t _blanks_end(str text, Py_ssize_t pos)

@cython.locals(n=Py_ssize_t)
cpdef bint _ampm_letter_at(str text, Py_ssize_t e)

@cython.locals(s=Py_ssize_t, e=Py_ssize_t, last_end=Py_ssize_t, c=_C)
cpdef list find_figures(str text)

@cython.locals(n=Py_ssize_t, e=Py_ssize_t, j=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, pk=Py_ssize_t,
               lw=str)
cpdef _C _word_candidate(str text, Py_ssize_t s, str w)

@cython.locals(hs=Py_ssize_t)
cpdef _C _finish_word(str text, Py_ssize_t start, Py_ssize_t end, object typ, object value, object unit)

@cython.locals(e=Py_ssize_t, n=Py_ssize_t, e2=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t)
cpdef _C _ordinal_candidate(str text, Py_ssize_t s, str w)

@cython.locals(pk=Py_ssize_t)
cpdef Py_ssize_t _the(str text, Py_ssize_t s)

@cython.locals(e=Py_ssize_t, n=Py_ssize_t, pk=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t)
cpdef _C _fraction_candidate(str text, Py_ssize_t s, str w)

@cython.locals(e=Py_ssize_t, n=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, pk=Py_ssize_t, m=tuple)
cpdef _C _month_candidate(str text, Py_ssize_t s, str w)

@cython.locals(m=Py_ssize_t, i=Py_ssize_t, packed=list, k=Py_ssize_t, c=_C)
cpdef _sort_by_start(list cands)
@cython.locals(m=Py_ssize_t, packed=list, c=_C, i=Py_ssize_t, lo_len=Py_ssize_t, hi_len=Py_ssize_t, lo_prio=Py_ssize_t,
               hi_prio=Py_ssize_t, lo_s=Py_ssize_t, hi_s=Py_ssize_t, len_radix=Py_ssize_t, prio_radix=Py_ssize_t,
               s_radix=Py_ssize_t, k=Py_ssize_t)
cpdef _sort_longest_first(list cands)
cpdef tuple _longest_first(_C c)

@cython.locals(m=Py_ssize_t, packed=list, kept=list, k=Py_ssize_t, p=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, c=_C, d=_C,
               end=Py_ssize_t, cluster=list, out=list, gap=str, word=str, pk=Py_ssize_t, st=Py_ssize_t, join=bint)
cpdef list _resolve(str text, list cands)
@cython.locals(members=list, covered=bytearray, marks=cython.p_uchar, out=list, c=_C, a=Py_ssize_t, b=Py_ssize_t,
               k=Py_ssize_t)
cpdef list _resolve_cluster(list cands, list cluster, Py_ssize_t lo, Py_ssize_t hi)

cpdef bint _compatible(_C c, _C d)
