#include "compile/python_modules.h"

#include "compile/python_datetime.h"
#include "compile/python_itertools.h"
#include "compile/python_re.h"
#include "jinja/dict.h"

namespace kiln::compile {

jinja::Value make_python_modules() {
  jinja::Value modules = jinja::Value::dict();
  jinja::Dict& dict = modules.as_dict();
  dict.set("pytz", make_pytz_module());
  dict.set("datetime", make_datetime_module());
  dict.set("re", make_re_module());
  dict.set("itertools", make_itertools_module());
  return modules;
}

}  // namespace kiln::compile
