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

@cython.locals(fields=tuple, figures=list, quotes=list)
cpdef list detect_spans(str text, object span_class)

@cython.locals(i=Py_ssize_t, j=Py_ssize_t, nf=Py_ssize_t, nq=Py_ssize_t, out=list)
cpdef list _merged(list figures, list quotes)
@cython.locals(k=Py_ssize_t)
cpdef bint _in_order(list items)
cpdef tuple _start_end(object x)

cpdef list _spans_c(str text, list figures, list quotes, object span_class, tuple fields)
@cython.locals(c=_C, q=Q, spans=list, i=Py_ssize_t, j=Py_ssize_t, nf=Py_ssize_t, nq=Py_ssize_t, fs=Py_ssize_t,
               fe=Py_ssize_t, qs=Py_ssize_t, qe=Py_ssize_t)
cdef list _spans_merged_c(str text, list figures, list quotes, object span_class, tuple fields)

cpdef str spans_json(list spans)
cpdef str _json_value(object v)
