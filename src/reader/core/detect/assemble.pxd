# Cython declarations for assemble.py (used only when the module is compiled; see hatch_build.py).
import cython
from reader.core.detect.figures cimport _C
from reader.core.detect.quotes cimport Q

cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object o, object name, object value) except -1

cdef extern from *:
    """
    /* a new instance of a class with a plain allocator (what object.__new__ does after its checks) */
    static CYTHON_INLINE PyObject *reader_new_span(PyObject *cls) {
        return ((PyTypeObject *)cls)->tp_alloc((PyTypeObject *)cls, 0);
    }
    """
    object _new_span "reader_new_span"(object cls)

cdef extern from "assemble.h":
    ctypedef struct reader_json_buf:
        pass
    reader_json_buf *_buf_new "reader_json_new"() except NULL
    void _buf_free "reader_json_free"(reader_json_buf *b)
    Py_ssize_t _buf_len "reader_json_len"(reader_json_buf *b)
    bytes _buf_take "reader_json_take"(reader_json_buf *b)
    int _buf_ascii "reader_json_ascii"(reader_json_buf *b, const char *s) except -1
    int _buf_int "reader_json_int"(reader_json_buf *b, long long v) except -1
    int _buf_string "reader_json_str"(reader_json_buf *b, str u, Py_ssize_t a, Py_ssize_t z) except -1
    int _buf_raw "reader_json_raw"(reader_json_buf *b, str s) except -1
    int _buf_value "reader_json_value"(reader_json_buf *b, object v) except -1

@cython.locals(fields=tuple, figures=list, quotes=list, order=list, k=Py_ssize_t, spans=list)
cpdef list detect_spans(str text, object span_class)
@cython.locals(figures=list, quotes=list, order=list, k=Py_ssize_t, c=_C, q=Q, out=list, sep=str)
cpdef write_json(str text, object write)
@cython.locals(figures=list, quotes=list, order=list)
cpdef tuple _detected(str text)
@cython.locals(out=list, i=Py_ssize_t, j=Py_ssize_t, nf=Py_ssize_t, nq=Py_ssize_t, fs=Py_ssize_t, fe=Py_ssize_t,
               qs=Py_ssize_t, qe=Py_ssize_t, c=_C, q=Q)
cpdef list _span_order(list figures, list quotes)
@cython.locals(figures=list, quotes=list, order=list)
cpdef write_json_utf8(str text, object write)
@cython.locals(buf="reader_json_buf *", k=Py_ssize_t, c=_C, q=Q, first=bint)
cpdef _json_utf8_c(str text, list figures, list quotes, list order, object write)
cdef _buf_span(reader_json_buf *buf, str text, Py_ssize_t s, Py_ssize_t e, const char *head, const char *k1,
               object v1, const char *k2, object v2, const char *k3, object v3, const char *k4, object v4,
               const char *k5, object v5)
cdef _buf_field(reader_json_buf *buf, const char *key, object v)
cpdef tuple _start_end(object x)
@cython.locals(c=_C, q=Q, spans=list, k=Py_ssize_t)
cpdef list _spans_c(str text, list figures, list quotes, list order, object span_class, tuple fields)

cpdef str _figure_json(Py_ssize_t start, Py_ssize_t end, str text, object typ, object value, object unit, object hedge,
                       object high)
cpdef str _quote_json(str kind, Py_ssize_t start, Py_ssize_t end, str text, object speaker, object speaker_start,
                      object speaker_end, object cue, object partial)
cpdef str _json_value(object v)
@cython.locals(ch=Py_UCS4)
cpdef str _json_text(str s)
