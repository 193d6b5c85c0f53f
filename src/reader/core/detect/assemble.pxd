# Cython declarations for assemble.py (used only when the module is compiled; see hatch_build.py).
import cython
from reader.core.detect.figures cimport _C
from reader.core.detect.quotes cimport Q

cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object o, object name, object value) except -1

@cython.locals(fields=tuple)
cpdef list detect_spans(str text, object span_class)

@cython.locals(c=_C, q=Q, spans=list, quotes=list)
cdef list _detect_spans_c(str text, object span_class, tuple fields)

cpdef tuple _span_order(object span)

cpdef str spans_json(list spans)
cpdef str _json_value(object v)
